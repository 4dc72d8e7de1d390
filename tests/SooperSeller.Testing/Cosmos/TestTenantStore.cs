using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SooperSeller.Infrastructure.Cosmos;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.Testing.Cosmos;

/// <summary>
/// A <see cref="TenantStore"/> on a database of its own (so tests never see each other's data), with the declared
/// containers or the ones a test declares; the database is deleted on dispose.
/// </summary>
public sealed class TestTenantStore : IAsyncDisposable
{
    private TestTenantStore(TenantStore store, CosmosTarget target, string database)
    {
        Store = store;
        Target = target;
        Database = database;
    }

    public TenantStore Store { get; }

    public CosmosTarget Target { get; }

    public string Database { get; }

    public static async Task<TestTenantStore> CreateAsync(CosmosTarget target, IEnumerable<ContainerDefinition>? containers = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var database = "test-" + Guid.NewGuid().ToString("N")[..12];
        var options = Options.Create(new CosmosOptions
        {
            Endpoint = target.Endpoint,
            Key = target.Key,
            Database = database,
            UseGateway = target.IsStandIn,
        });
        var store = new TenantStore(options, NullLogger<TenantStore>.Instance);
        await store.EnsureCreatedAsync(containers ?? TenantContainers.All, CancellationToken.None);
        return new TestTenantStore(store, target, database);
    }

    public async ValueTask DisposeAsync()
    {
        using (var client = Target.CreateClient())
        {
            try
            {
                await client.GetDatabase(Database).DeleteAsync();
            }
            catch (Microsoft.Azure.Cosmos.CosmosException)
            {
                // already gone (or the stand-in stopped): nothing to clean
            }
        }

        Store.Dispose();
    }
}
