using Microsoft.Extensions.Time.Testing;
using SooperSeller.Core.Orders;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Orders;
using SooperSeller.Testing.Cosmos;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Orders;

public sealed class CosmosOrderSyncSettingsTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>, IAsyncLifetime
{
    private readonly MerchantId _merchant = MerchantId.New();
    private TestTenantStore? _store;

    public async Task InitializeAsync() => _store = await TestTenantStore.CreateAsync(fixture.Emulators.Cosmos);

    public async Task DisposeAsync() => await _store!.DisposeAsync();

    [Fact]
    public async Task Get_NothingSaved_IsTheDefaultCodList()
    {
        var settings = await new CosmosOrderSyncSettings(_store!.Store, TimeProvider.System).GetAsync(_merchant, CancellationToken.None);

        Assert.Equal(CodRule.DefaultGatewayNames, settings.CodGatewayNames);
    }

    [Fact]
    public async Task Save_OnAnotherInstance_IsSeenHereOnceTheCachedCopyExpires()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var here = new CosmosOrderSyncSettings(_store!.Store, time);
        var elsewhere = new CosmosOrderSyncSettings(_store.Store, time);
        await here.GetAsync(_merchant, CancellationToken.None);

        await elsewhere.SaveAsync(_merchant, new OrderSyncSettings(["Pay the rider"]), CancellationToken.None);
        var cached = await here.GetAsync(_merchant, CancellationToken.None);
        time.Advance(CosmosOrderSyncSettings.CacheFor + TimeSpan.FromSeconds(1));
        var fresh = await here.GetAsync(_merchant, CancellationToken.None);

        Assert.Equal(CodRule.DefaultGatewayNames, cached.CodGatewayNames);
        Assert.Equal(["Pay the rider"], fresh.CodGatewayNames);
        Assert.Equal(["Pay the rider"], (await elsewhere.GetAsync(_merchant, CancellationToken.None)).CodGatewayNames);
    }
}
