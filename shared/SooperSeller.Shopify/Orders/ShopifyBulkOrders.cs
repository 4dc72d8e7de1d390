using System.Runtime.CompilerServices;
using System.Text.Json;
using SooperSeller.Core.Orders;
using SooperSeller.Core.Stores.Backfill;
using SooperSeller.Shopify.Operations;

namespace SooperSeller.Shopify.Orders;

/// <summary>
/// The backfill's bulk query over the Admin API (<see cref="IShopifyBulkOrders"/>). Reading the result joins orders to
/// their line items with flat memory although, ungrouped, line items do not sit next to their order (the simulator, like
/// Shopify's level-by-level output, writes every order first and then the line items, grouped by order in the orders'
/// order): the file is read by two streams at once, one taking the order lines, the other the line-item lines, merged on
/// the ascending order id the query sorts by. At any moment only the current order and its line items are held. A line
/// item whose order has already gone by (a file not laid out that way) cannot be joined; its order is mapped without it
/// and corrected by the next incremental sync, and <see cref="OutOfOrderLines"/> counts such lines.
/// </summary>
public sealed class ShopifyBulkOrders(ShopifyAdminClient admin) : IShopifyBulkOrders
{
    private const string ParentIdField = "__parentId";

    private long _outOfOrderLines;

    /// <summary>Line items met after their order had been emitted, since this instance was made (should stay 0).</summary>
    public long OutOfOrderLines => Interlocked.Read(ref _outOfOrderLines);

    public async Task<string> StartAsync(string shopDomain, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var started = await admin.ExecuteAsync(
            ShopDomain.Parse(shopDomain), ShopifyOperations.RunBulkQuery, new RunBulkQueryVariables(ShopifyOrderNodes.BulkQuery(since)), cancellationToken);
        return started.BulkOperationRunQuery.ThrowIfUserErrors().BulkOperation?.Id
            ?? throw new ShopifyGraphQLException("Shopify started no bulk operation and reported no error.");
    }

    public async Task<BulkOperationState> GetStateAsync(string shopDomain, string bulkOperationId, CancellationToken cancellationToken)
    {
        var node = await GetAsync(shopDomain, bulkOperationId, cancellationToken);
        return node switch
        {
            null => BulkOperationState.Failed,
            { Status: "COMPLETED" } => BulkOperationState.Completed,
            { IsFinished: true } => BulkOperationState.Failed,
            _ => BulkOperationState.Running,
        };
    }

    public async IAsyncEnumerable<BulkOrder> ReadOrdersAsync(
        string shopDomain, string bulkOperationId, long afterOrderId, OrderSyncSettings settings, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var node = await GetAsync(shopDomain, bulkOperationId, cancellationToken);
        if (node is not { Status: "COMPLETED" })
        {
            throw new InvalidOperationException("The bulk operation has not completed.");
        }

        if (node.Url is not { } url)
        {
            yield break; // Shopify gives no file when nothing matched.
        }

        await foreach (var order in JoinAsync(Lines(url, parents: true, cancellationToken), Lines(url, parents: false, cancellationToken), afterOrderId, settings, cancellationToken))
        {
            yield return order;
        }
    }

    /// <summary>
    /// The merge join of order lines and line-item lines (each stream in file order), exposed for tests and benchmarks
    /// that feed lines without a server.
    /// </summary>
    public async IAsyncEnumerable<BulkOrder> JoinAsync(
        IAsyncEnumerable<JsonElement> orderLines,
        IAsyncEnumerable<JsonElement> lineItemLines,
        long afterOrderId,
        OrderSyncSettings settings,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orderLines);
        ArgumentNullException.ThrowIfNull(lineItemLines);
        await using var children = lineItemLines.GetAsyncEnumerator(cancellationToken);
        var child = await NextAsync(children);
        var lineItems = new List<JsonElement>();
        await foreach (var order in orderLines.WithCancellation(cancellationToken))
        {
            var orderId = ShopifyOrderNodes.LegacyIdOf(order.GetProperty("id").GetString() ?? string.Empty);
            lineItems.Clear();
            while (child is { } line)
            {
                var parentId = line.ParentId;
                if (parentId > orderId)
                {
                    break;
                }

                if (parentId == orderId)
                {
                    lineItems.Add(line.Element);
                }
                else if (parentId > afterOrderId)
                {
                    Interlocked.Increment(ref _outOfOrderLines);
                }

                child = await NextAsync(children);
            }

            if (orderId <= afterOrderId)
            {
                continue;
            }

            yield return Map(orderId, order, lineItems, settings);
        }
    }

    private static BulkOrder Map(long orderId, JsonElement order, List<JsonElement> lineItems, OrderSyncSettings settings)
    {
        try
        {
            return new BulkOrder(orderId, ShopifyOrderNodes.ToShopifyOrder(order, lineItems, settings), null);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException or OverflowException)
        {
            return new BulkOrder(orderId, null, "The order's data from Shopify could not be read.");
        }
    }

    private static async ValueTask<(JsonElement Element, long ParentId)?> NextAsync(IAsyncEnumerator<JsonElement> lines) =>
        await lines.MoveNextAsync() ? (lines.Current, ShopifyOrderNodes.LegacyIdOf(lines.Current.GetProperty(ParentIdField).GetString() ?? string.Empty)) : null;

    private async IAsyncEnumerable<JsonElement> Lines(Uri url, bool parents, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var line in admin.ReadBulkJsonlAsync(url, cancellationToken))
        {
            if (line.TryGetProperty(ParentIdField, out _) != parents)
            {
                yield return line;
            }
        }
    }

    private async Task<BulkOperationNode?> GetAsync(string shopDomain, string bulkOperationId, CancellationToken cancellationToken) =>
        (await admin.ExecuteAsync(ShopDomain.Parse(shopDomain), ShopifyOperations.GetBulkOperation, new IdVariables(bulkOperationId), cancellationToken)).Node;
}
