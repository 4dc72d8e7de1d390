using System.Text.Json;
using SooperSeller.Core.Orders;
using SooperSeller.Shopify.Orders;

namespace SooperSeller.UnitTests.Shopify;

/// <summary>
/// The bulk result's merge join: orders (ascending ids) with their line items from a second stream of the same file,
/// resuming after a checkpoint, and counting line items that come after their order had gone by.
/// </summary>
public sealed class ShopifyBulkOrdersJoinTests
{
    [Fact]
    public async Task Join_GivesEachOrderItsLineItems_EvenWhenTheyComeAfterEveryOrder()
    {
        var bulk = new ShopifyBulkOrders(null!);

        var orders = await JoinAsync(bulk, [Order(1), Order(2), Order(5)], [Line(1, 11), Line(1, 12), Line(5, 51)], after: 0);

        Assert.Equal([1L, 2L, 5L], orders.Select(o => o.ShopifyOrderId));
        Assert.Equal([11L, 12L], orders[0].Order!.LineItems.Select(l => l.Id));
        Assert.Empty(orders[1].Order!.LineItems);
        Assert.Equal([51L], orders[2].Order!.LineItems.Select(l => l.Id));
        Assert.Equal(0, bulk.OutOfOrderLines);
    }

    [Fact]
    public async Task Join_AfterACheckpoint_SkipsAppliedOrdersAndTheirLines()
    {
        var bulk = new ShopifyBulkOrders(null!);

        var orders = await JoinAsync(bulk, [Order(1), Order(2), Order(3)], [Line(1, 11), Line(2, 21), Line(3, 31)], after: 2);

        Assert.Equal(3, Assert.Single(orders).ShopifyOrderId);
        Assert.Equal([31L], orders[0].Order!.LineItems.Select(l => l.Id));
        Assert.Equal(0, bulk.OutOfOrderLines);
    }

    [Fact]
    public async Task Join_LineOfAnOrderAlreadyGone_IsCounted_AndAnUnreadableOrderIsReportedNotThrown()
    {
        var bulk = new ShopifyBulkOrders(null!);

        var orders = await JoinAsync(bulk, [Order(1), Order(2), Parse("""{"id":"gid://shopify/Order/3"}""")], [Line(2, 21), Line(1, 11)], after: 0);

        Assert.Equal(1, bulk.OutOfOrderLines);
        Assert.Equal([21L], orders[1].Order!.LineItems.Select(l => l.Id));
        Assert.Null(orders[2].Order);
        Assert.NotNull(orders[2].Failure);
    }

    private static async Task<List<SooperSeller.Core.Stores.Backfill.BulkOrder>> JoinAsync(ShopifyBulkOrders bulk, JsonElement[] orders, JsonElement[] lines, long after)
    {
        var result = new List<SooperSeller.Core.Stores.Backfill.BulkOrder>();
        await foreach (var order in bulk.JoinAsync(orders.ToAsyncEnumerable(), lines.ToAsyncEnumerable(), after, OrderSyncSettings.Default, CancellationToken.None))
        {
            result.Add(order);
        }

        return result;
    }

    private static JsonElement Order(long id) => Parse($$$"""
        {"id":"gid://shopify/Order/{{{id}}}","name":"#{{{1000 + id}}}","number":{{{1000 + id}}},"createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z",
         "totalPriceSet":{"shopMoney":{"amount":"100.00","currencyCode":"PKR"}},"paymentGatewayNames":["COD"],"tags":[]}
        """);

    private static JsonElement Line(long order, long id) => Parse($$$"""
        {"id":"gid://shopify/LineItem/{{{id}}}","title":"Kurta","quantity":1,"currentQuantity":1,
         "originalUnitPriceSet":{"shopMoney":{"amount":"100.00","currencyCode":"PKR"}},"__parentId":"gid://shopify/Order/{{{order}}}"}
        """);

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
