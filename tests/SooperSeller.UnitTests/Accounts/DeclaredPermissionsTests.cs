using System.Reflection;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.DevHost.Hosting;
using SooperSeller.Functions;

namespace SooperSeller.UnitTests.Accounts;

/// <summary>Every permission an HTTP function demands is in the one table, and some role has it (else nobody could call it).</summary>
public class DeclaredPermissionsTests
{
    [Fact]
    public void EveryHttpFunction_DeclaredPermission_IsGrantedToAtLeastOneRole()
    {
        var functions = FunctionCatalog.Discover([typeof(FunctionsAppServices).Assembly]).Http;

        var ungranted = functions
            .Select(f => (f.Name, f.Method.GetCustomAttribute<SessionAttribute>()?.Permission))
            .Where(f => f.Permission is { } permission && !Enum.GetValues<Role>().Any(role => RolePermissions.Has(role, permission)))
            .Select(f => $"{f.Name} demands {f.Permission}, which no role in RolePermissions has")
            .ToList();

        Assert.Empty(ungranted);
    }
}
