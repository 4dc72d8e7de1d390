namespace SooperSeller.Core.Accounts.Passwords;

/// <summary>The set of common breached passwords new passwords are checked against (ASVS 5.0 6.2.4, 6.2.12).</summary>
public interface IBreachedPasswords
{
    /// <summary>True when the password, compared case-insensitively, is in the set.</summary>
    bool Contains(string password);
}
