using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;
using SooperSeller.Core.Tenancy;
using SooperSeller.DevHost.Emulators;
using SooperSeller.Infrastructure.Cosmos;
using SooperSeller.Testing.Cosmos;
using SooperSeller.Testing.Emulators;
using static SooperSeller.IntegrationTests.Cosmos.TenantContainerTests;

namespace SooperSeller.IntegrationTests.Cosmos;

/// <summary>
/// The tenant data base rides out 429, 408 and 503 from Cosmos. Runs on a stand-in of its own, since injected faults
/// would hit every other test sharing the run's stand-in.
/// </summary>
public sealed class FaultResilienceTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private CosmosStandIn? _standIn;
    private TestTenantStore? _store;

    public async Task InitializeAsync()
    {
        _standIn = await CosmosStandIn.StartAsync(NullLogger.Instance, None);
        _store = await TestTenantStore.CreateAsync(CosmosTarget.ForStandIn(_standIn), [Notes]);
    }

    public async Task DisposeAsync()
    {
        await _store!.DisposeAsync();
        await _standIn!.DisposeAsync();
    }

    [Theory]
    [InlineData(429)]
    [InlineData(408)]
    [InlineData(503)]
    public async Task EveryOperation_SucceedsThroughInjectedFaults(int status)
    {
        var container = _store!.Store.For(Notes);
        var merchant = MerchantId.New();
        await _standIn!.SetFaultsAsync(0.3, [status], seed: 20261128); // seeded: the same faults every run

        for (var i = 0; i < 20; i++)
        {
            await container.CreateAsync(merchant, Note($"f{i}", "x", rank: i), None);
        }

        var read = await container.ReadAsync<NoteDocument>(merchant, "f3", None);
        var patched = await container.PatchAsync<NoteDocument>(merchant, "f4", [PatchOperation.Set("/text", "y")], null, None);
        var all = await container.QueryAsync<NoteDocument>(merchant, new QueryDefinition("SELECT * FROM c ORDER BY c.rank ASC, c.id ASC"), None).ToListAsync();
        var deleted = await container.DeleteAsync<NoteDocument>(merchant, "f5", null, None);
        var stats = await _standIn.GetStatsAsync();
        await _standIn.ClearFaultsAsync();

        Assert.Equal(3, read!.Rank);
        Assert.Equal("y", patched.Text);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"f{i}"), all.Select(n => n.Id));
        Assert.True(deleted);
        Assert.True(stats.FaultsInjected > 0, "the stand-in injected no fault, so the test proved nothing");
    }
}
