namespace SooperSeller.Core.Accounts;

/// <summary>
/// What a <c>Session(&lt;permission&gt;)</c> function may demand. Features add the permissions they need here and give
/// them to roles in <see cref="RolePermissions"/>, the one table a reader checks.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "The API contract's word: Session(<permission>).")]
public enum Permission
{
    /// <summary>Invite, remove and change the roles of team members.</summary>
    ManageUsers,

    /// <summary>Connect and disconnect Shopify stores.</summary>
    ManageStores,

    /// <summary>Read the personal-data access log and the audit log.</summary>
    ViewLogs,

    /// <summary>Transfer ownership, close the account, approve staff access: the owner's alone.</summary>
    OwnAccount,
}
