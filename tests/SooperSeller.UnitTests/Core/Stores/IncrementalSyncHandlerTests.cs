using Microsoft.Extensions.Time.Testing;
using Moq;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Orders;
using SooperSeller.Core.Products;
using SooperSeller.Core.Stores;
using SooperSeller.Core.Stores.Backfill;
using SooperSeller.Core.Stores.Sync;
using SooperSeller.Core.Tenancy;
using SooperSeller.UnitTests.Core.Orders;

namespace SooperSeller.UnitTests.Core.Stores;

public sealed class IncrementalSyncHandlerTests
{
    private const string StoreId = "sto_00000000000000000000000000000001";
    private static readonly MerchantId Merchant = MerchantId.New();
    private static readonly DateTimeOffset ConnectedAt = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    private readonly FakeChangeFeed _feed = new();
    private readonly InMemoryWatermarks _watermarks = new();
    private readonly InMemoryStores _stores = new();
    private readonly InMemoryOrders _orders = new();
    private readonly Mock<IMerchantDirectory> _merchants = new();
    private readonly Mock<IShopifyGateway> _gateway = new();
    private readonly Mock<IProducts> _products = new();
    private readonly Mock<IOrderSyncSettingsStore> _settings = new();
    private readonly FakeTimeProvider _time = new(T0.AddHours(1));

    public IncrementalSyncHandlerTests()
    {
        _merchants.Setup(m => m.GetMerchantAsync(Merchant, It.IsAny<CancellationToken>())).ReturnsAsync(new MerchantProfile(Merchant, "Karachi Fashion House", ConnectedAt));
        _settings.Setup(s => s.GetAsync(Merchant, It.IsAny<CancellationToken>())).ReturnsAsync(OrderSyncSettings.Default);
        _gateway.Setup(g => g.ListLocationsAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync([new StoreLocation("gid://shopify/Location/1", "Warehouse", true, "Karachi", "PK")]);
        _stores.SaveAsync(new Store(StoreId, Merchant, "shop.myshopify.com", StoreStatus.Connected, [], ConnectedAt, "usr_1"), CancellationToken.None).GetAwaiter().GetResult();
    }

    private IncrementalSyncHandler Handler => new(_feed, _gateway.Object, _stores, _merchants.Object, _watermarks, _settings.Object, new SyncOrder(_orders), new SyncProduct(_products.Object), _time);

    [Fact]
    public async Task Run_WithoutAWatermark_StartsAtTheConnection_AppliesEveryPage_AndAdvancesThePageByPage()
    {
        _feed.OrderPages.Add([Changed(1, T0), Changed(2, T0.AddMinutes(2))]);
        _feed.OrderPages.Add([Changed(3, T0.AddMinutes(5)), Changed(4, T0.AddMinutes(4))]);

        var result = await Handler.RunAsync(Merchant, StoreId, CancellationToken.None);

        Assert.Equal(ConnectedAt - SyncWindow.Overlap, Assert.Single(_feed.OrdersAskedSince));
        Assert.Equal([T0.AddMinutes(2), T0.AddMinutes(5)], _watermarks.Saved);
        Assert.Equal(4, result.OrdersApplied);
        Assert.Equal(4, _orders.All.Count);
        var status = (await _stores.GetAsync(Merchant, StoreId, CancellationToken.None))!.Sync.Incremental!;
        Assert.Equal(StoreIncrementalSync.OkState, status.State);
        Assert.Equal(T0.AddMinutes(5), status.OrdersWatermark);
        Assert.Equal(4, status.OrdersApplied);
        Assert.Empty(status.Failures);
    }

    [Fact]
    public async Task Run_AgainWithNothingNew_AsksFromTheWatermarkMinusTheOverlap_AndWritesNoOrder()
    {
        _feed.OrderPages.Add([Changed(1, T0), Changed(2, T0.AddMinutes(2))]);
        await Handler.RunAsync(Merchant, StoreId, CancellationToken.None);
        var callsBefore = _orders.Calls;

        var again = await Handler.RunAsync(Merchant, StoreId, CancellationToken.None);

        Assert.Equal(T0.AddMinutes(2) - SyncWindow.Overlap, _feed.OrdersAskedSince[1]);
        Assert.Equal(0, again.OrdersApplied);
        Assert.Equal(2, again.OrdersUnchanged);
        Assert.Equal(2, _orders.Calls - callsBefore); // one read each, no write
        Assert.Single(_watermarks.Saved);
    }

    [Fact]
    public async Task Run_AnOrderThatCannotBeMapped_IsListedWithItsIdAndAPlainMessage_AndTheOthersApply()
    {
        _feed.OrderPages.Add([Changed(1, T0), new ChangedOrder(2, T0.AddMinutes(1), null, "The order could not be read: a number is out of range."), Changed(3, T0.AddMinutes(2))]);

        var result = await Handler.RunAsync(Merchant, StoreId, CancellationToken.None);

        Assert.Equal(2, result.OrdersApplied);
        Assert.Equal(1, result.Failures);
        var status = (await _stores.GetAsync(Merchant, StoreId, CancellationToken.None))!.Sync.Incremental!;
        var failure = Assert.Single(status.Failures);
        Assert.Equal((StoreSyncFailure.OrderKind, 2L), (failure.Kind, failure.ShopifyId));
        Assert.Contains("out of range", failure.Message, StringComparison.Ordinal);
        Assert.Equal(StoreIncrementalSync.OkState, status.State);
        Assert.Equal(T0.AddMinutes(2), status.OrdersWatermark);
    }

    [Fact]
    public async Task Run_AFailedOrderThatLaterApplies_LeavesTheFailureList()
    {
        _feed.OrderPages.Add([new ChangedOrder(2, T0, null, "The order could not be read.")]);
        await Handler.RunAsync(Merchant, StoreId, CancellationToken.None);
        _feed.OrderPages.Clear();
        _feed.OrderPages.Add([Changed(2, T0.AddMinutes(10))]);

        await Handler.RunAsync(Merchant, StoreId, CancellationToken.None);

        Assert.Empty((await _stores.GetAsync(Merchant, StoreId, CancellationToken.None))!.Sync.Incremental!.Failures);
    }

    [Fact]
    public async Task Run_ShopifyFailsPartWay_KeepsTheWatermarkOfTheAppliedPages_RecordsTheFailure_AndThrows()
    {
        _feed.OrderPages.Add([Changed(1, T0)]);
        _feed.OrderPages.Add([Changed(2, T0.AddMinutes(1))]);
        _feed.FailAtOrderPage = 1;

        await Assert.ThrowsAsync<HttpRequestException>(() => Handler.RunAsync(Merchant, StoreId, CancellationToken.None));

        Assert.Equal(T0, _watermarks.Rows[(StoreId, SyncResource.Orders)]);
        var status = (await _stores.GetAsync(Merchant, StoreId, CancellationToken.None))!.Sync.Incremental!;
        Assert.Equal(StoreIncrementalSync.FailedState, status.State);
        Assert.NotNull(status.LastError);
        Assert.DoesNotContain("unreachable", status.LastError, StringComparison.Ordinal); // our words, not the exception's
    }

    [Fact]
    public async Task Run_ClosedMerchant_OrDisconnectedStore_DoesNothing()
    {
        _feed.OrderPages.Add([Changed(1, T0)]);
        _merchants.Setup(m => m.GetMerchantAsync(Merchant, It.IsAny<CancellationToken>())).ReturnsAsync(new MerchantProfile(Merchant, "Closed", ConnectedAt) { ClosureRequestedAt = T0 });

        var closed = await Handler.RunAsync(Merchant, StoreId, CancellationToken.None);
        var otherMerchant = await Handler.RunAsync(MerchantId.New(), StoreId, CancellationToken.None);

        Assert.Equal("skipped", closed.Outcome);
        Assert.Equal("skipped", otherMerchant.Outcome);
        Assert.Empty(_feed.OrdersAskedSince);
        Assert.Empty(_orders.All);
    }

    [Fact]
    public async Task Run_WhileTheBackfillRuns_Waits_AndOnceItCompleted_StartsFromItsStart()
    {
        _feed.OrderPages.Add([Changed(1, T0)]);
        var backfillStart = T0.AddMinutes(-30);
        await SetBackfillAsync(new StoreBackfill(StoreBackfill.RunningState, backfillStart, null, null, 0, null, null));

        var waiting = await Handler.RunAsync(Merchant, StoreId, CancellationToken.None);
        Assert.Equal("waiting", waiting.Outcome);
        Assert.Empty(_feed.OrdersAskedSince);
        Assert.Equal(StoreIncrementalSync.WaitingState, (await _stores.GetAsync(Merchant, StoreId, CancellationToken.None))!.Sync.Incremental!.State);

        await SetBackfillAsync(new StoreBackfill(StoreBackfill.CompletedState, backfillStart, T0, null, 0, 0, null));
        await Handler.RunAsync(Merchant, StoreId, CancellationToken.None);

        Assert.Equal(backfillStart - SyncWindow.Overlap, Assert.Single(_feed.OrdersAskedSince));
    }

    [Fact]
    public async Task Run_LocationsUnchanged_AreNotWrittenAgain()
    {
        await Handler.RunAsync(Merchant, StoreId, CancellationToken.None);
        await Handler.RunAsync(Merchant, StoreId, CancellationToken.None);

        Assert.Equal(1, _stores.LocationReplacements);
    }

    private async Task SetBackfillAsync(StoreBackfill backfill)
    {
        var store = (await _stores.GetAsync(Merchant, StoreId, CancellationToken.None))!;
        await _stores.SaveAsync(store with { Sync = store.Sync with { Backfill = backfill } }, CancellationToken.None);
    }

    private static ChangedOrder Changed(long id, DateTimeOffset updatedAt) => new(id, updatedAt, Order(id, updatedAt), null);

    private static ShopifyOrder Order(long id, DateTimeOffset updatedAt) => new(
        $"#{1000 + id}", 1000 + id, "pending", null, new OrderTotals("PKR", 250000, 250000, 250000, 230000, 0, 20000, 0),
        ["Cash on Delivery (COD)"], true, [], null, false, updatedAt.AddDays(-1), updatedAt, null, null,
        [new OrderLineItem(id * 10, "SKU-1", null, null, "Lawn suit", null, 1, 1, 230000, 0)], null, null);
}
