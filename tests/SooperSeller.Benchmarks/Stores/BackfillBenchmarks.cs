using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.Logging.Abstractions;
using SooperSeller.Core.Orders;
using SooperSeller.Core.Stores.Backfill;
using SooperSeller.Core.Tenancy;
using SooperSeller.DevHost.Emulators;
using SooperSeller.Infrastructure.Orders;
using SooperSeller.Shopify.Orders;
using SooperSeller.Testing.Cosmos;

namespace SooperSeller.Benchmarks.Stores;

/// <summary>
/// The backfill's two costs. <see cref="ApplyFromJsonl"/>: ungrouped bulk JSONL lines (orders first, then their line items,
/// as Shopify and the simulator write them) joined by <see cref="ShopifyBulkOrders.JoinAsync"/>, mapped and applied through
/// <see cref="SyncOrder"/> into the Cosmos stand-in in batches of <see cref="BackfillHandler.BatchSize"/>, as the handler
/// does; each invocation writes into a store of its own, so every order is new (one read and one create each).
/// <see cref="StreamLargeJsonl"/>: 100,000 orders streamed through parse, join and mapping without storage, sampling the
/// GC heap every 5,000 orders: memory must stay flat. Printed at the end: orders/s, round trips per order, peak heap.
/// Run: <c>dotnet run -c Release --project tests/SooperSeller.Benchmarks -- --filter '*BackfillBenchmarks*'</c>.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
[MemoryDiagnoser]
public class BackfillBenchmarks
{
    public const int AppliedOrders = 5_000;
    public const int StreamedOrders = 100_000;
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly MerchantId _merchant = MerchantId.New();
    private CosmosStandIn? _standIn;
    private TestTenantStore? _store;
    private CountingOrders? _orders;
    private int _run;
    private long _peakHeap;
    private long _firstSampleHeap;
    private readonly List<string> _notes = [];

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _standIn = await CosmosStandIn.StartAsync(NullLogger.Instance, None);
        _store = await TestTenantStore.CreateAsync(SooperSeller.Testing.Emulators.CosmosTarget.ForStandIn(_standIn));
        _orders = new CountingOrders(new CosmosOrders(_store.Store));
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        foreach (var note in _notes)
        {
            Console.WriteLine(note);
        }

        await _store!.DisposeAsync();
        await _standIn!.DisposeAsync();
    }

    [Benchmark(Description = "apply 5,000 orders from JSONL into Cosmos")]
    public async Task<int> ApplyFromJsonl()
    {
        var storeId = $"sto_bench{Interlocked.Increment(ref _run)}";
        var sync = new SyncOrder(_orders!);
        var calls = _orders!.Calls;
        var clock = Stopwatch.StartNew();
        var batch = new List<BulkOrder>(BackfillHandler.BatchSize);
        var applied = 0;
        await foreach (var order in new ShopifyBulkOrders(null!).JoinAsync(Lines(AppliedOrders, parents: true), Lines(AppliedOrders, parents: false), 0, OrderSyncSettings.Default, None))
        {
            batch.Add(order);
            if (batch.Count == BackfillHandler.BatchSize)
            {
                applied += await ApplyAsync(sync, storeId, batch);
            }
        }

        applied += await ApplyAsync(sync, storeId, batch);
        _notes.Add(string.Format(CultureInfo.InvariantCulture, "apply: {0} orders in {1:F2} s = {2:F0} orders/s, {3:F2} Cosmos round trips per order", applied, clock.Elapsed.TotalSeconds, applied / clock.Elapsed.TotalSeconds, (double)(_orders.Calls - calls) / applied));
        return applied;
    }

    [Benchmark(Description = "stream 100,000 orders of JSONL (parse, join, map)")]
    public async Task<long> StreamLargeJsonl()
    {
        long lines = 0;
        var before = Process.GetCurrentProcess().PeakWorkingSet64;
        _firstSampleHeap = 0;
        _peakHeap = 0;
        await foreach (var order in new ShopifyBulkOrders(null!).JoinAsync(Lines(StreamedOrders, parents: true), Lines(StreamedOrders, parents: false), 0, OrderSyncSettings.Default, None))
        {
            lines += order.Order!.LineItems.Count + 1;
            if (order.ShopifyOrderId % 5_000 == 0)
            {
                var heap = GC.GetTotalMemory(forceFullCollection: false);
                _firstSampleHeap = _firstSampleHeap == 0 ? heap : _firstSampleHeap;
                _peakHeap = Math.Max(_peakHeap, heap);
            }
        }

        using var process = Process.GetCurrentProcess();
        _notes.Add(string.Format(CultureInfo.InvariantCulture, "stream: {0:N0} lines; GC heap at 5,000 orders {1:N1} MB, peak over the run {2:N1} MB; process peak working set {3:N0} MB (before the run {4:N0} MB)", lines, _firstSampleHeap / 1e6, _peakHeap / 1e6, process.PeakWorkingSet64 / 1e6, before / 1e6));
        return lines;
    }

    private async Task<int> ApplyAsync(SyncOrder sync, string storeId, List<BulkOrder> batch)
    {
        await Task.WhenAll(batch.Select(o => sync.ApplyContentAsync(_merchant, storeId, o.ShopifyOrderId, o.Order!, None)));
        var count = batch.Count;
        batch.Clear();
        return count;
    }

    /// <summary>The bulk file's lines of one kind, generated and parsed one at a time (as ReadBulkJsonlAsync reads them), never held.</summary>
    private static async IAsyncEnumerable<JsonElement> Lines(int orders, bool parents, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 1; i <= orders; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (parents)
            {
                yield return Parse(OrderLine(i));
            }
            else
            {
                for (var line = 0; line < 1 + (i % 3); line++)
                {
                    yield return Parse(LineItemLine(i, line));
                }
            }

            if (i % 1_000 == 0)
            {
                await Task.Yield();
            }
        }
    }

    private static JsonElement Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        return document.RootElement.Clone();
    }

    private static string Money(decimal amount) =>
        $"{{\"shopMoney\":{{\"amount\":\"{amount.ToString("0.00", CultureInfo.InvariantCulture)}\",\"currencyCode\":\"PKR\"}}}}";

    private static string OrderLine(int i) =>
        $"{{\"id\":\"gid://shopify/Order/{i}\",\"name\":\"#{1000 + i}\",\"number\":{1000 + i},\"createdAt\":\"2026-01-01T10:00:00Z\",\"updatedAt\":\"2026-01-02T10:00:00Z\",\"cancelledAt\":null,\"cancelReason\":null,"
        + "\"displayFinancialStatus\":\"PENDING\",\"displayFulfillmentStatus\":\"UNFULFILLED\",\"test\":false,\"tags\":[\"cod\",\"karachi\"],\"note\":\"Call before delivery\","
        + $"\"email\":\"customer{i}@example.pk\",\"phone\":\"0300-{i % 10_000_000:0000000}\",\"paymentGatewayNames\":[\"Cash on Delivery (COD)\"],\"currencyCode\":\"PKR\","
        + $"\"totalPriceSet\":{Money(4500)},\"currentTotalPriceSet\":{Money(4500)},\"totalOutstandingSet\":{Money(4500)},\"subtotalPriceSet\":{Money(4300)},"
        + $"\"totalDiscountsSet\":{Money(0)},\"totalShippingPriceSet\":{Money(200)},\"totalTaxSet\":{Money(0)},"
        + $"\"customer\":{{\"id\":\"gid://shopify/Customer/{i}\",\"email\":\"customer{i}@example.pk\",\"phone\":null}},"
        + $"\"shippingAddress\":{{\"name\":\"Ayesha Khan\",\"firstName\":\"Ayesha\",\"lastName\":\"Khan\",\"company\":null,\"address1\":\"House {i}, Street 5\",\"address2\":\"Gulshan-e-Iqbal\","
        + "\"city\":\"Karachi\",\"province\":\"Sindh\",\"provinceCode\":\"SD\",\"zip\":\"75300\",\"country\":\"Pakistan\",\"countryCodeV2\":\"PK\",\"phone\":\"+92 300 1234567\"}}";

    private static string LineItemLine(int order, int line) =>
        $"{{\"id\":\"gid://shopify/LineItem/{(order * 10) + line}\",\"sku\":\"LAWN-{line}\",\"title\":\"Lawn suit\",\"name\":\"Lawn suit - M\",\"variantTitle\":\"M\",\"quantity\":1,\"currentQuantity\":1,"
        + $"\"variant\":{{\"id\":\"gid://shopify/ProductVariant/{100 + line}\"}},\"product\":{{\"id\":\"gid://shopify/Product/{10 + line}\"}},"
        + $"\"originalUnitPriceSet\":{Money(2150)},\"totalDiscountSet\":{Money(0)},\"__parentId\":\"gid://shopify/Order/{order}\"}}";
}
