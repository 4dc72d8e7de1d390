namespace SooperSeller.Core.Accounts.Passwords;

/// <summary>
/// The outcome of <see cref="IPasswordHasher.Verify"/>. <see cref="NeedsRehash"/> asks the caller to store a fresh
/// <see cref="IPasswordHasher.Hash"/> of the password it has just verified, because the stored one was made with
/// weaker parameters than today's.
/// </summary>
public readonly record struct PasswordVerification(bool Valid, bool NeedsRehash)
{
    public static PasswordVerification Failed => new(false, false);

    public static PasswordVerification Succeeded => new(true, false);

    public static PasswordVerification SucceededNeedsRehash => new(true, true);
}
