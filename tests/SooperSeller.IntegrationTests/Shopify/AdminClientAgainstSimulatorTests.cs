using Microsoft.Extensions.DependencyInjection;
using SooperSeller.DevHost.Emulators;
using SooperSeller.Shopify;
using SooperSeller.Shopify.Operations;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Shopify;

/// <summary>
/// Our GraphQL client against the simulator's cost-based leaky bucket (which answers THROTTLED as Shopify does when a
/// query does not fit): a burst stays within the bucket, and a THROTTLED answer is waited out and retried.
/// </summary>
public sealed class AdminClientAgainstSimulatorTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string _secrets = AppInstance.NewSecretsDirectory();

    private ShopifySimulator Shopify => fixture.Emulators.Shopify;

    [Fact]
    public async Task Burst_OfThirtyQueriesAgainstASmallBucket_IsNeverThrottled_AndAllSucceed()
    {
        await using var app = AppInstance.Create(fixture.Emulators, _secrets);
        var shop = await ConnectedShopAsync(app, bucket: 30, restoreRate: 30);

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => app.GetRequiredService<ShopifyAdminClient>().ExecuteAsync(shop, ShopifyOperations.GetShop, NoVariables.Instance, None)));
        var counters = await Shopify.GetCountersAsync(shop.Value);

        Assert.All(results, r => Assert.Equal(shop.Value, r.Shop.MyshopifyDomain));
        Assert.Equal(0, counters.Throttled);
        Assert.True(counters.GraphqlRequests >= 30, $"{counters.GraphqlRequests} requests reached the simulator");
    }

    [Fact]
    public async Task EmptyBucket_FirstAnswerThrottled_IsWaitedOutAndRetried()
    {
        await using var app = AppInstance.Create(fixture.Emulators, _secrets);
        var shop = await ConnectedShopAsync(app, bucket: 50, restoreRate: 50);
        await Shopify.SetBucketAsync(shop.Value, 50, 50, currentlyAvailable: 0);

        var data = await app.GetRequiredService<ShopifyAdminClient>().ExecuteAsync(shop, ShopifyOperations.GetShop, NoVariables.Instance, None);
        var counters = await Shopify.GetCountersAsync(shop.Value);

        Assert.Equal(shop.Value, data.Shop.MyshopifyDomain);
        Assert.True(counters.Throttled >= 1, "the simulator never answered THROTTLED, so recovery was not exercised");
    }

    [Fact]
    public async Task ServerErrors_AreRetried_UntilShopifyAnswers()
    {
        await using var app = AppInstance.Create(fixture.Emulators, _secrets);
        var shop = await ConnectedShopAsync(app, bucket: 1000, restoreRate: 100);
        await Shopify.FailNextRequestsAsync(shop.Value, 2, 503);

        var data = await app.GetRequiredService<ShopifyAdminClient>().ExecuteAsync(shop, ShopifyOperations.GetShop, NoVariables.Instance, None);

        Assert.Equal(shop.Value, data.Shop.MyshopifyDomain);
        Assert.True((await Shopify.GetCountersAsync(shop.Value)).FaultsInjected >= 2);
    }

    private async Task<ShopDomain> ConnectedShopAsync(ServiceProvider app, int bucket, int restoreRate)
    {
        var shop = ShopDomain.Parse($"cost-{Guid.NewGuid():N}"[..17] + ".myshopify.com");
        await Shopify.CreateShopAsync(shop.Value, bucketSize: bucket, restoreRate: restoreRate);
        var issued = await Shopify.IssueAccessTokenAsync(shop.Value, ShopifyScopes.Required);
        await app.GetRequiredService<Infrastructure.Storage.StorageClients>().Tables.CreateTableIfNotExistsAsync(Infrastructure.Shopify.TableShopifyTokens.TableName);
        await app.GetRequiredService<IShopifyTokenStore>().SaveAsync(shop, new ShopifyTokenSet(issued.AccessToken, DateTimeOffset.UtcNow.AddMinutes(55), issued.RefreshToken, DateTimeOffset.UtcNow.AddDays(30), ShopifyScopes.Parse(issued.Scope)), None);
        return shop;
    }
}
