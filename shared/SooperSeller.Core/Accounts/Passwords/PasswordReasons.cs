namespace SooperSeller.Core.Accounts.Passwords;

/// <summary>
/// The messages a refused password gets. They are shown to the user as they are and the front end may match on them,
/// so they change only deliberately (a test pins them).
/// </summary>
public static class PasswordReasons
{
    public const string TooShortForMerchants = "Use at least 12 characters.";

    public const string TooShortForStaff = "Use at least 15 characters.";

    public const string TooLong = "Use at most 256 characters.";

    public const string Breached = "This password is one of the most common breached passwords. Choose another.";

    public const string ContainsEmail = "Don't use your email address in your password.";

    public const string ContainsBusinessName = "Don't use your business name in your password.";

    public const string Malformed = "The password contains characters that cannot be used.";
}
