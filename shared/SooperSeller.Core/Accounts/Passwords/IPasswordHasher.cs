namespace SooperSeller.Core.Accounts.Passwords;

/// <summary>
/// Password storage (ASVS 5.0 11.4.2). Hashes are self-describing strings that carry their algorithm, parameters and
/// salt, so parameters can be raised without invalidating stored hashes. Neither passwords nor hashes are ever logged.
/// </summary>
public interface IPasswordHasher
{
    /// <summary>A new salted hash of the password (NFC-normalised first), at the current parameters.</summary>
    string Hash(string password);

    /// <summary>
    /// Whether the password matches the stored hash, compared in constant time. A wrong password is never an exception;
    /// a stored value that is not a hash this hasher understands is a <see cref="FormatException"/>.
    /// </summary>
    PasswordVerification Verify(string password, string storedHash);

    /// <summary>
    /// Does the work of a verification at the current parameters and discards it, so that sign-in with an unknown email
    /// takes as long as sign-in with a wrong password.
    /// </summary>
    void VerifyDummy(string password);
}
