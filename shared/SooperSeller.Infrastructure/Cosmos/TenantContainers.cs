namespace SooperSeller.Infrastructure.Cosmos;

/// <summary>
/// Every Cosmos container, declared once (architecture section 4). Containers follow lifecycle so that retention is
/// a property of where a document lives. Add a composite index here for every multi-field ORDER BY a query uses:
/// <see cref="TenantContainer"/> refuses such a query otherwise, as real Cosmos would.
/// </summary>
public static class TenantContainers
{
    private const int Day = 24 * 60 * 60;

    /// <summary>Merchant profile, users, roles, settings, store connections, courier accounts, staff grants.</summary>
    public static readonly ContainerDefinition Merchants = new("merchants", null, []);

    /// <summary>Orders with line items and the customer's shipping snapshot; shipments and their events.</summary>
    public static readonly ContainerDefinition Orders = new("orders", null, []);

    /// <summary>Items (SKU, cost), stock per location, stock movements.</summary>
    public static readonly ContainerDefinition Inventory = new("inventory", null, []);

    /// <summary>Journal entries, remittances, settlement lines, expenses. No personal data; kept 5 years.</summary>
    public static readonly ContainerDefinition Finance = new("finance", null, []);

    /// <summary>
    /// Usage events, the personal-data access log and the audit log: 90 days (privacy policy), enforced by the container
    /// TTL. The logs list newest first by (at, id).
    /// </summary>
    public static readonly ContainerDefinition Activity = new("activity", 90 * Day, [new(new IndexedPath("/at", Descending: true), new IndexedPath("/id", Descending: true))]);

    /// <summary>Data-subject requests, Shopify compliance requests, purge reports (no personal data).</summary>
    public static readonly ContainerDefinition Compliance = new("compliance", null, []);

    public static IReadOnlyList<ContainerDefinition> All { get; } = [Merchants, Orders, Inventory, Finance, Activity, Compliance];
}
