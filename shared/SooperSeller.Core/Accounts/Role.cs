namespace SooperSeller.Core.Accounts;

/// <summary>A merchant user's role (contract "Accounts"). What each may do is in <see cref="RolePermissions"/>.</summary>
public enum Role
{
    Owner,
    Manager,
    Operator,
    Accountant,
    Viewer,
}
