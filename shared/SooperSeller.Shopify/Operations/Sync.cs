using System.Text.Json;

namespace SooperSeller.Shopify.Operations;

/// <summary>
/// Variables of <c>SyncOrders</c> and <c>SyncProducts</c>: a page of records matching <see cref="Query"/> (Shopify
/// search syntax, <c>updated_at:&gt;='…'</c>), sorted by <c>UPDATED_AT</c>.
/// </summary>
public sealed record SyncPageVariables(int First, string? After, string? Query);

/// <summary>Variables of <c>SyncOrderLineItems</c> and <c>SyncProductVariants</c>: one record's nested connection, a page at a time.</summary>
public sealed record SyncChildPageVariables(string Id, int First, string? After);

/// <summary>
/// A page of changed orders, kept as JSON: the order mapping (<c>ShopifyOrderNodes</c>) reads the GraphQL shape
/// directly, the same shape the bulk backfill's JSONL lines have, so one mapping serves both.
/// </summary>
public sealed record SyncOrdersData(Connection<JsonElement> Orders);

public sealed record SyncOrderLineItemsData(SyncOrderLines? Order);

public sealed record SyncOrderLines(Connection<JsonElement> LineItems);

/// <summary>A page of changed products, kept as JSON like <see cref="SyncOrdersData"/>.</summary>
public sealed record SyncProductsData(Connection<JsonElement> Products);

public sealed record SyncProductVariantsData(SyncProductVariants? Product);

public sealed record SyncProductVariants(Connection<JsonElement> Variants);
