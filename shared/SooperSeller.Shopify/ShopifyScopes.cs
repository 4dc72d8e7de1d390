namespace SooperSeller.Shopify;

/// <summary>The access scopes SooperSeller asks for at install, and the check that they were granted.</summary>
public static class ShopifyScopes
{
    /// <summary>
    /// Everything later features need, requested at install so that merchants are not asked to consent again:
    /// orders (sync, <c>orderMarkAsPaid</c> for COD cash), all orders (back-fill beyond 60 days), customers (shipping
    /// details), products, inventory and locations (stock), and merchant-managed fulfillment orders (tracking).
    /// </summary>
    public static IReadOnlyList<string> Required { get; } =
    [
        "read_orders",
        "write_orders",
        "read_all_orders",
        "read_customers",
        "read_products",
        "read_inventory",
        "write_inventory",
        "read_locations",
        "read_merchant_managed_fulfillment_orders",
        "write_merchant_managed_fulfillment_orders",
    ];

    /// <summary>
    /// The scopes in <paramref name="required"/> that <paramref name="granted"/> does not cover. Shopify's rule is that
    /// "any scope that writes a resource also grants read access to it", and it reports a granted pair as the write
    /// scope alone (<c>write_orders</c>, not <c>read_orders,write_orders</c>), so <c>write_x</c> satisfies <c>read_x</c>.
    /// The reverse never holds, and <c>read_all_orders</c> is a scope of its own that no write scope implies.
    /// </summary>
    public static IReadOnlyList<string> Missing(IEnumerable<string> granted, IEnumerable<string> required)
    {
        ArgumentNullException.ThrowIfNull(granted);
        ArgumentNullException.ThrowIfNull(required);
        var have = new HashSet<string>(granted.Select(s => s.Trim()), StringComparer.Ordinal);
        return required
            .Select(s => s.Trim())
            .Where(scope => !IsCovered(scope, have))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Splits Shopify's comma-separated <c>scope</c> string (token responses).</summary>
    public static IReadOnlyList<string> Parse(string? commaSeparated) =>
        string.IsNullOrWhiteSpace(commaSeparated)
            ? []
            : commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool IsCovered(string scope, HashSet<string> granted)
    {
        if (granted.Contains(scope))
        {
            return true;
        }

        const string Read = "read_";
        const string UnauthenticatedRead = "unauthenticated_read_";
        if (scope.StartsWith(Read, StringComparison.Ordinal))
        {
            return granted.Contains("write_" + scope[Read.Length..]);
        }

        return scope.StartsWith(UnauthenticatedRead, StringComparison.Ordinal)
            && granted.Contains("unauthenticated_write_" + scope[UnauthenticatedRead.Length..]);
    }
}
