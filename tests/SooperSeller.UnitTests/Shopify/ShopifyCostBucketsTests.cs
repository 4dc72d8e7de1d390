using SooperSeller.Shopify;
using SooperSeller.Shopify.Operations;
using static SooperSeller.UnitTests.Shopify.ShopifyTestKit;

namespace SooperSeller.UnitTests.Shopify;

public class ShopifyCostBucketsTests
{

    [Fact]
    public async Task ExecuteAsync_BurstOf50ConcurrentQueries_NeverExceedsTheBucket()
    {
        var time = Clock();
        // 50 queries of 20 points against a 100-point bucket restoring 50/s: most must wait for the bucket to refill.
        var shopify = new FakeCostBucketShopify(time, maximum: 100, restoreRate: 50, queryCost: 20);
        var handler = new FakeShopifyHandler(_ => shopify.Answer(ShopData));
        var buckets = new ShopifyCostBuckets(time);
        var clients = Enumerable.Range(0, 5).Select(_ => Client(handler, time, buckets: buckets)).ToList();

        var burst = Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Task.Run(() => clients[i % clients.Count].ExecuteAsync(Shop, ShopifyOperations.GetShop, NoVariables.Instance, CancellationToken.None))));
        var results = await DriveAsync(time, burst, TimeSpan.FromMilliseconds(50));

        Assert.Equal(50, results.Length);
        Assert.Equal(0, shopify.Throttled);
        Assert.Equal(50, shopify.Served);
    }

    [Fact]
    public async Task ExecuteAsync_ShopChargesMoreThanDeclared_LearnsTheCostFromTheFirstAnswer()
    {
        var time = Clock();
        // GetShop declares 3 points; this shop charges 60 of a 100-point bucket. Reserving 3 would let the burst collide.
        var shopify = new FakeCostBucketShopify(time, maximum: 100, restoreRate: 50, queryCost: 60);
        var handler = new FakeShopifyHandler(_ => shopify.Answer(ShopData));
        var client = Client(handler, time, buckets: new ShopifyCostBuckets(time));
        await client.ExecuteAsync(Shop, ShopifyOperations.GetShop, NoVariables.Instance, CancellationToken.None);

        var burst = Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => client.ExecuteAsync(Shop, ShopifyOperations.GetShop, NoVariables.Instance, CancellationToken.None))));
        await DriveAsync(time, burst, TimeSpan.FromMilliseconds(50));

        Assert.Equal(11, shopify.Served);
        Assert.Equal(0, shopify.Throttled);
    }

    [Fact]
    public async Task ExecuteAsync_TwoProcessesShareTheShopsBucket_BothFinishByWaitingOutThrottling()
    {
        var time = Clock();
        var shopify = new FakeCostBucketShopify(time, maximum: 100, restoreRate: 50, queryCost: 20);
        var handler = new FakeShopifyHandler(_ => shopify.Answer(ShopData));
        // Separate ShopifyCostBuckets: neither process sees the other's reservations, only Shopify's reports. Sixteen
        // requests contend for a bucket of five: a request may lose the race several times in a row (more often when the
        // machine is busy and continuations run late), so this test allows more THROTTLED answers per request than the
        // default; what it checks is that both processes finish by waiting throttling out.
        var options = ShopifyTestKit.Options();
        options.MaxThrottledAttempts = 20;
        var first = Client(handler, time, options: options, buckets: new ShopifyCostBuckets(time));
        var second = Client(handler, time, options: options, buckets: new ShopifyCostBuckets(time));

        var burst = Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => (i % 2 == 0 ? first : second).ExecuteAsync(Shop, ShopifyOperations.GetShop, NoVariables.Instance, CancellationToken.None))));
        var results = await DriveAsync(time, burst, TimeSpan.FromMilliseconds(50));

        Assert.Equal(16, results.Length);
        Assert.Equal(16, shopify.Served);
    }

    [Fact]
    public async Task EstimatedAvailable_AfterAResponse_RestoresOverTimeUpToTheMaximum()
    {
        var time = Clock();
        var handler = new FakeShopifyHandler(_ => FakeShopifyHandler.Json(Response(ShopData, requested: 10, available: 1000, maximum: 2000, restoreRate: 100)));
        var buckets = new ShopifyCostBuckets(time);

        await Client(handler, time, buckets: buckets).ExecuteAsync(Shop, ShopifyOperations.GetShop, NoVariables.Instance, CancellationToken.None);
        var atOnce = buckets.EstimatedAvailable(Shop);
        time.Advance(TimeSpan.FromSeconds(5));
        var later = buckets.EstimatedAvailable(Shop);
        time.Advance(TimeSpan.FromMinutes(5));
        var full = buckets.EstimatedAvailable(Shop);

        Assert.Equal(1000, atOnce);
        Assert.Equal(1500, later);
        Assert.Equal(2000, full);
        Assert.Null(buckets.EstimatedAvailable(ShopDomain.Parse("other.myshopify.com")));
    }
}
