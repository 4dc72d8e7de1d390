using System.Collections.Concurrent;

namespace SooperSeller.Shopify;

/// <summary>
/// This process's view of Shopify's cost bucket (leaky bucket per app and store), one per shop, shared by every
/// <see cref="ShopifyAdminClient"/> (register as a singleton). Requests reserve their estimated cost before they are
/// sent, so concurrent callers never ask for more than the bucket holds.
/// </summary>
public sealed class ShopifyCostBuckets(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<ShopDomain, ShopCostBucket> _buckets = new();
    private readonly ConcurrentDictionary<string, double> _requestedCosts = new(StringComparer.Ordinal);

    /// <summary>The points this process believes are available for <paramref name="shop"/> now, net of in-flight reservations; null before Shopify has reported.</summary>
    public double? EstimatedAvailable(ShopDomain shop) => _buckets.TryGetValue(shop, out var bucket) ? bucket.EstimatedAvailable() : null;

    internal ShopCostBucket For(ShopDomain shop) => _buckets.GetOrAdd(shop, _ => new ShopCostBucket(timeProvider));

    /// <summary>The cost to reserve for an operation: the last requested cost Shopify reported for it, else its declared estimate.</summary>
    internal double CostOf(string operationName, int declaredEstimate) =>
        _requestedCosts.TryGetValue(operationName, out var seen) ? seen : declaredEstimate;

    internal void RememberRequestedCost(string operationName, double requestedCost)
    {
        if (requestedCost > 0)
        {
            _requestedCosts[operationName] = requestedCost;
        }
    }
}
