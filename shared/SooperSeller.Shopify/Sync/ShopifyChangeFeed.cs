using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using SooperSeller.Core.Orders;
using SooperSeller.Core.Stores.Sync;
using SooperSeller.Shopify.Operations;
using SooperSeller.Shopify.Orders;

namespace SooperSeller.Shopify.Sync;

/// <summary>
/// The incremental sync's view of Shopify (<see cref="IShopifyChangeFeed"/>): orders and products changed since a time,
/// a page at a time, through <see cref="ShopifyAdminClient"/> (cost-aware throttling, retries, token refresh). Orders
/// are mapped by <see cref="ShopifyOrderNodes"/>, the mapping the backfill uses, so both produce what the webhook path
/// produces. A record that cannot be mapped comes back with a plain failure message (never its data) instead of
/// failing the page; a nested connection longer than one page (lines, variants) is read to its end first.
/// </summary>
public sealed class ShopifyChangeFeed(ShopifyAdminClient admin) : IShopifyChangeFeed
{
    public const int OrdersPerPage = 10;
    public const int ProductsPerPage = 15;
    private const int ChildrenPerPage = 100;

    public async IAsyncEnumerable<IReadOnlyList<ChangedOrder>> OrdersChangedSinceAsync(
        string shopDomain, DateTimeOffset since, OrderSyncSettings settings, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var shop = ShopDomain.Parse(shopDomain);
        var query = SyncWindow.Query(since);
        string? cursor = null;
        do
        {
            var page = (await admin.ExecuteAsync(shop, ShopifyOperations.SyncOrders, new SyncPageVariables(OrdersPerPage, cursor, query), cancellationToken)).Orders;
            var changed = new List<ChangedOrder>(page.Nodes.Count);
            foreach (var node in page.Nodes)
            {
                changed.Add(await OrderAsync(shop, node, settings, cancellationToken));
            }

            yield return changed;
            cursor = NextCursor(page.PageInfo, cursor, ShopifyOperations.SyncOrders.Name);
        }
        while (cursor is not null);
    }

    public async IAsyncEnumerable<IReadOnlyList<ChangedProduct>> ProductsChangedSinceAsync(
        string shopDomain, DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var shop = ShopDomain.Parse(shopDomain);
        var query = SyncWindow.Query(since);
        string? cursor = null;
        do
        {
            var page = (await admin.ExecuteAsync(shop, ShopifyOperations.SyncProducts, new SyncPageVariables(ProductsPerPage, cursor, query), cancellationToken)).Products;
            var changed = new List<ChangedProduct>(page.Nodes.Count);
            foreach (var node in page.Nodes)
            {
                changed.Add(await ProductAsync(shop, node, cancellationToken));
            }

            yield return changed;
            cursor = NextCursor(page.PageInfo, cursor, ShopifyOperations.SyncProducts.Name);
        }
        while (cursor is not null);
    }

    private async Task<ChangedOrder> OrderAsync(ShopDomain shop, JsonElement node, OrderSyncSettings settings, CancellationToken cancellationToken)
    {
        if (!TryIdentify(node, out var gid, out var id, out var updatedAt))
        {
            return new ChangedOrder(id, updatedAt, null, "Shopify sent an order without a readable id or update time.");
        }

        var lines = await ChildrenAsync(
            shop, node, "lineItems", gid, ShopifyOperations.SyncOrderLineItems, data => data.Order?.LineItems, cancellationToken);
        try
        {
            return new ChangedOrder(id, updatedAt, ShopifyOrderNodes.ToShopifyOrder(node, lines, settings), null);
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidOperationException or ArgumentException)
        {
            return new ChangedOrder(id, updatedAt, null, "The order could not be read: " + MappingProblem(e));
        }
    }

    private async Task<ChangedProduct> ProductAsync(ShopDomain shop, JsonElement node, CancellationToken cancellationToken)
    {
        if (!TryIdentify(node, out var gid, out var id, out var updatedAt))
        {
            return new ChangedProduct(id, updatedAt, null, "Shopify sent a product without a readable id or update time.");
        }

        var variants = await ChildrenAsync(
            shop, node, "variants", gid, ShopifyOperations.SyncProductVariants, data => data.Product?.Variants, cancellationToken);
        try
        {
            return new ChangedProduct(id, updatedAt, ShopifyProductNodes.ToShopifyProduct(node, variants), null);
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidOperationException or ArgumentException)
        {
            return new ChangedProduct(id, updatedAt, null, "The product could not be read: " + MappingProblem(e));
        }
    }

    /// <summary>The first page of a nested connection as the node carries it, then the following pages by the record's id.</summary>
    private async Task<IReadOnlyList<JsonElement>> ChildrenAsync<TData>(
        ShopDomain shop,
        JsonElement node,
        string field,
        string gid,
        ShopifyOperation<SyncChildPageVariables, TData> more,
        Func<TData, Connection<JsonElement>?> select,
        CancellationToken cancellationToken)
    {
        if (node.TryGetProperty(field, out var connection) is false || connection.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var children = connection.TryGetProperty("nodes", out var nodes) && nodes.ValueKind == JsonValueKind.Array ? nodes.EnumerateArray().ToList() : [];
        var cursor = PageCursor(connection);
        while (cursor is not null)
        {
            var page = select(await admin.ExecuteAsync(shop, more, new SyncChildPageVariables(gid, ChildrenPerPage, cursor), cancellationToken));
            if (page is null)
            {
                break;
            }

            children.AddRange(page.Nodes);
            cursor = NextCursor(page.PageInfo, cursor, more.Name);
        }

        return children;
    }

    private static string? PageCursor(JsonElement connection) =>
        connection.TryGetProperty("pageInfo", out var info) && info.ValueKind == JsonValueKind.Object
        && info.TryGetProperty("hasNextPage", out var hasNext) && hasNext.ValueKind == JsonValueKind.True
        && info.TryGetProperty("endCursor", out var end) && end.ValueKind == JsonValueKind.String
            ? end.GetString()
            : null;

    private static string? NextCursor(PageInfo info, string? current, string operation)
    {
        if (!info.HasNextPage)
        {
            return null;
        }

        return string.IsNullOrEmpty(info.EndCursor) || info.EndCursor == current
            ? throw new ShopifyGraphQLException(operation, [new ShopifyGraphQLError("hasNextPage without a new endCursor.", null)])
            : info.EndCursor;
    }

    private static bool TryIdentify(JsonElement node, out string gid, out long id, out DateTimeOffset? updatedAt)
    {
        gid = node.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() ?? "" : "";
        id = 0;
        updatedAt = node.TryGetProperty("updatedAt", out var time) && time.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(time.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
                ? parsed
                : null;
        try
        {
            id = ShopifyOrderNodes.LegacyIdOf(gid);
        }
        catch (FormatException)
        {
            return false;
        }

        return updatedAt is not null;
    }

    // The exception's type, not its message: a message may quote a value from the record (an amount, a name).
    private static string MappingProblem(Exception e) => e switch
    {
        FormatException => "a field has a value SooperSeller cannot interpret (for example an amount finer than the currency allows).",
        OverflowException => "a number is out of range.",
        _ => "the record is incomplete.",
    };
}
