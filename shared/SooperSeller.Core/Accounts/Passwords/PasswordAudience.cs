namespace SooperSeller.Core.Accounts.Passwords;

/// <summary>Whose password it is: the minimum length differs.</summary>
public enum PasswordAudience
{
    /// <summary>A merchant's user (owner or team member): at least 12 characters.</summary>
    Merchant,

    /// <summary>SooperSeller's own staff, who can reach every merchant: at least 15 characters.</summary>
    PlatformStaff,
}
