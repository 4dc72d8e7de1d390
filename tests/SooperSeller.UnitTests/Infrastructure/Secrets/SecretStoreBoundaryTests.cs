using System.Reflection;
using Microsoft.Extensions.Logging;
using SooperSeller.Core.Secrets;
using SooperSeller.Infrastructure.Cosmos;
using SooperSeller.Infrastructure.Secrets;

namespace SooperSeller.UnitTests.Infrastructure.Secrets;

/// <summary>
/// Secret values cannot reach logs or Cosmos from the stores: neither store holds a logger or anything of the tenant
/// data base, so the only way out of a store is the value returned to the caller (messages are checked elsewhere).
/// </summary>
public class SecretStoreBoundaryTests
{
    public static TheoryData<Type> Stores => new() { typeof(LocalSecretStore), typeof(KeyVaultSecretStore) };

    [Theory]
    [MemberData(nameof(Stores))]
    public void Store_HoldsNoLoggerAndNoCosmosAccess(Type store)
    {
        var dependencies = store.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType)
            .Concat(store.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public).Select(f => f.FieldType))
            .ToList();

        Assert.True(typeof(ISecretStore).IsAssignableFrom(store));
        Assert.DoesNotContain(dependencies, t => typeof(ILogger).IsAssignableFrom(t) || t == typeof(ILoggerFactory));
        Assert.DoesNotContain(dependencies, t => t == typeof(TenantStore) || t == typeof(TenantContainer));
    }
}
