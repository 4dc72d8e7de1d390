using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Orders;
using SooperSeller.Core.Products;
using SooperSeller.Core.Stores;
using SooperSeller.Core.Stores.Sync;
using SooperSeller.Core.Tenancy;
using SooperSeller.DevHost.Emulators;
using SooperSeller.Infrastructure.Cosmos;
using SooperSeller.Infrastructure.Orders;
using SooperSeller.Shopify;
using SooperSeller.Shopify.Sync;
using SooperSeller.Testing.Cosmos;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.Benchmarks.Stores;

/// <summary>
/// The incremental sync of <see cref="Orders"/> changed orders from the Shopify simulator into the Cosmos stand-in,
/// through the real handler, change feed (paged GraphQL), order mapping and <see cref="SyncOrder"/>. Each invocation
/// syncs into a store id of its own, so every order is new to Cosmos (one read and one create each). The shop's bucket
/// is made large, so the run measures our side; what Shopify's bucket allows is the requested cost per page printed
/// at the end divided into the shop's restore rate (100 points/s standard, 1,000 on Plus).
/// Each invocation is 10,000 orders, so run it as a few single shots: <c>dotnet run -c Release --project
/// tests/SooperSeller.Benchmarks -- --filter '*IncrementalSync*' --strategy Monitoring --warmupCount 0 --iterationCount 3
/// --invocationCount 1 --unrollFactor 1</c>.
/// </summary>
[MemoryDiagnoser]
public class IncrementalSyncBenchmarks
{
    public const int Orders = 10_000;
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly MerchantId _merchant = MerchantId.New();
    private CosmosStandIn? _standIn;
    private ShopifySimulator? _shopify;
    private TestTenantStore? _store;
    private ServiceProvider? _services;
    private CountingOrders? _orders;
    private string _shop = "";
    private int _run;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _standIn = await CosmosStandIn.StartAsync(NullLogger.Instance, None);
        _store = await TestTenantStore.CreateAsync(CosmosTarget.ForStandIn(_standIn));
        _shopify = await ShopifySimulator.StartAsync(ShopifySimulator.SandboxApiKey, ShopifySimulator.SandboxApiSecret, NullLogger.Instance, None);
        _shop = $"bench-{Guid.NewGuid():N}"[..16] + ".myshopify.com";
        await _shopify.CreateShopAsync(_shop, "Bench Shop", bucketSize: 1_000_000, restoreRate: 1_000_000);
        for (var i = 0; i < Orders; i += 500)
        {
            await _shopify.SeedAsync(_shop, new SimSeed(Orders: [.. Enumerable.Range(i, 500).Select(Order)]));
        }

        var token = await _shopify.IssueAccessTokenAsync(_shop, ShopifyScopes.Required, expiring: false);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Shopify:ApiKey"] = _shopify.ApiKey,
            ["Shopify:ApiSecret"] = _shopify.ApiSecret,
            ["Shopify:AdminBaseUrl"] = _shopify.AdminBaseUrl,
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddShopify(configuration);
        services.AddSingleton<IShopifyAccessTokens>(new FixedToken(token.AccessToken));
        _services = services.BuildServiceProvider();
        _orders = new CountingOrders(new CosmosOrders(_store.Store));
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        var counters = await _shopify!.GetCountersAsync(_shop);
        var cost = await PageCostAsync();
        Console.WriteLine($"// IncrementalSync: {_run} run(s) of {Orders} orders; Cosmos order round trips {_orders!.Calls} ({(double)_orders.Calls / (_run * Orders):F2} per order); GraphQL requests {counters.GraphqlRequests}, throttled {counters.Throttled}; one page of {ShopifyChangeFeed.OrdersPerPage}: {cost}");
        await _services!.DisposeAsync();
        await _store!.DisposeAsync();
        await _shopify.DisposeAsync();
        await _standIn!.DisposeAsync();
    }

    [Benchmark(Description = "incremental sync, 10,000 changed orders", OperationsPerInvoke = Orders)]
    public async Task<IncrementalSyncResult> SyncChangedOrders()
    {
        var storeId = "sto_" + Guid.NewGuid().ToString("N");
        var stores = new Mock<IStores>();
        var store = new Store(storeId, _merchant, _shop, StoreStatus.Connected, [], DateTimeOffset.UtcNow.AddDays(-30), "usr_bench") { Version = "1" };
        stores.Setup(s => s.GetAsync(_merchant, storeId, It.IsAny<CancellationToken>())).ReturnsAsync(store);
        stores.Setup(s => s.SaveAsync(It.IsAny<Store>(), It.IsAny<CancellationToken>())).ReturnsAsync((Store s, CancellationToken _) => s);
        stores.Setup(s => s.ListLocationsAsync(_merchant, storeId, It.IsAny<CancellationToken>())).ReturnsAsync([]);
        var merchants = new Mock<IMerchantDirectory>();
        merchants.Setup(m => m.GetMerchantAsync(_merchant, It.IsAny<CancellationToken>())).ReturnsAsync(new MerchantProfile(_merchant, "Bench", DateTimeOffset.UtcNow));
        var gateway = new Mock<IShopifyGateway>();
        gateway.Setup(g => g.ListLocationsAsync(_shop, It.IsAny<CancellationToken>())).ReturnsAsync([]);
        var settings = new Mock<IOrderSyncSettingsStore>();
        settings.Setup(s => s.GetAsync(_merchant, It.IsAny<CancellationToken>())).ReturnsAsync(OrderSyncSettings.Default);
        var handler = new IncrementalSyncHandler(
            new ShopifyChangeFeed(_services!.GetRequiredService<ShopifyAdminClient>()),
            gateway.Object,
            stores.Object,
            merchants.Object,
            new MemoryWatermarks(),
            settings.Object,
            new SyncOrder(_orders!),
            new SyncProduct(new Mock<IProducts>().Object),
            TimeProvider.System);
        var result = await handler.RunAsync(_merchant, storeId, None);
        _run++;
        return result.OrdersApplied == Orders ? result : throw new InvalidOperationException($"Applied {result.OrdersApplied} of {Orders}.");
    }

    /// <summary>One SyncOrders page sent by hand, for Shopify's own cost figures (requested and actual).</summary>
    private async Task<string> PageCostAsync()
    {
        var token = await _services!.GetRequiredService<IShopifyAccessTokens>().GetAsync(ShopDomain.Parse(_shop), None);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, _shopify!.GraphQlUrl(_shop))
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { query = ShopifyDocuments.All.Single(d => d.Name == "SyncOrders").Text, variables = new { first = ShopifyChangeFeed.OrdersPerPage } }),
        };
        request.Headers.Add("X-Shopify-Access-Token", token);
        using var response = await http.SendAsync(request);
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("extensions").GetProperty("cost").ToString();
    }

    private static SimOrder Order(int i) => new()
    {
        Customer = new SimCustomer("Ayesha" + i, "Malik", $"ayesha{i}@example.pk", $"0300-{1000000 + i}"),
        PaymentGatewayNames = i % 5 == 0 ? ["JazzCash"] : ["Cash on Delivery (COD)"],
        Tags = ["bench"],
        LineItems = [new SimLineItem(Title: "Lawn suit", Price: 2500m, Quantity: 1 + (i % 3)), new SimLineItem(Title: "Dupatta", Price: 800m)],
    };

    private sealed class FixedToken(string token) : IShopifyAccessTokens
    {
        public Task<string> GetAsync(ShopDomain shop, CancellationToken cancellationToken) => Task.FromResult(token);

        public Task<string> RefreshAsync(ShopDomain shop, string rejectedToken, CancellationToken cancellationToken) => Task.FromResult(token);
    }

    private sealed class MemoryWatermarks : ISyncWatermarks
    {
        private readonly Dictionary<(string, SyncResource), DateTimeOffset> _rows = [];

        public Task<DateTimeOffset?> GetAsync(MerchantId merchantId, string storeId, SyncResource resource, CancellationToken cancellationToken) =>
            Task.FromResult<DateTimeOffset?>(_rows.TryGetValue((storeId, resource), out var value) ? value : null);

        public Task SaveAsync(MerchantId merchantId, string storeId, SyncResource resource, DateTimeOffset watermark, CancellationToken cancellationToken)
        {
            _rows[(storeId, resource)] = watermark;
            return Task.CompletedTask;
        }
    }
}
