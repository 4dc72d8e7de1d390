namespace SooperSeller.Core.Accounts;

/// <summary>Each role's permissions, in one table (need-to-know: a role gets only what its work needs).</summary>
public static class RolePermissions
{
    private static readonly Dictionary<Role, Permission[]> Table = new()
    {
        [Role.Owner] = [Permission.ManageUsers, Permission.ManageStores, Permission.ViewLogs, Permission.OwnAccount],
        [Role.Manager] = [Permission.ManageUsers, Permission.ManageStores, Permission.ViewLogs],
        [Role.Operator] = [],
        [Role.Accountant] = [],
        [Role.Viewer] = [],
    };

    public static IReadOnlyList<Permission> Of(Role role) => Table[role];

    public static bool Has(Role role, Permission permission) => Table[role].Contains(permission);
}
