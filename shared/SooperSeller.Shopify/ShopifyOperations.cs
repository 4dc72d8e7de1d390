using SooperSeller.Shopify.Operations;

namespace SooperSeller.Shopify;

/// <summary>The operations the client can run; each one's document is <c>Documents/{Name}.graphql</c>.</summary>
public static class ShopifyOperations
{
    private static ShopifyJsonContext Json => ShopifyJsonContext.Default;

    public static ShopifyOperation<NoVariables, GetShopData> GetShop { get; } =
        new("GetShop", 3, Json.NoVariables, Json.GetShopData);

    public static ShopifyOperation<PageVariables, ListWebhookSubscriptionsData> ListWebhookSubscriptions { get; } =
        new("ListWebhookSubscriptions", 52, Json.PageVariables, Json.ListWebhookSubscriptionsData);

    public static ShopifyOperation<CreateWebhookSubscriptionVariables, CreateWebhookSubscriptionData> CreateWebhookSubscription { get; } =
        new("CreateWebhookSubscription", 11, Json.CreateWebhookSubscriptionVariables, Json.CreateWebhookSubscriptionData);

    public static ShopifyOperation<IdVariables, DeleteWebhookSubscriptionData> DeleteWebhookSubscription { get; } =
        new("DeleteWebhookSubscription", 10, Json.IdVariables, Json.DeleteWebhookSubscriptionData);

    public static ShopifyOperation<ListLocationsVariables, ListLocationsData> ListLocations { get; } =
        new("ListLocations", 102, Json.ListLocationsVariables, Json.ListLocationsData);

    public static ShopifyOperation<ListOrdersVariables, ListOrdersData> ListOrders { get; } =
        new("ListOrders", 152, Json.ListOrdersVariables, Json.ListOrdersData);

    /// <summary>Up to 5 orders by GID with every field order sync maps.</summary>
    public static ShopifyOperation<GetOrdersVariables, GetOrdersData> GetOrders { get; } =
        new("GetOrders", 450, Json.GetOrdersVariables, Json.GetOrdersData);

    /// <summary>Ten orders changed since a time (incremental sync), about 90 requested points each.</summary>
    public static ShopifyOperation<SyncPageVariables, SyncOrdersData> SyncOrders { get; } =
        new("SyncOrders", 893, Json.SyncPageVariables, Json.SyncOrdersData);

    public static ShopifyOperation<SyncChildPageVariables, SyncOrderLineItemsData> SyncOrderLineItems { get; } =
        new("SyncOrderLineItems", 703, Json.SyncChildPageVariables, Json.SyncOrderLineItemsData);

    /// <summary>Fifteen products changed since a time (incremental sync).</summary>
    public static ShopifyOperation<SyncPageVariables, SyncProductsData> SyncProducts { get; } =
        new("SyncProducts", 948, Json.SyncPageVariables, Json.SyncProductsData);

    public static ShopifyOperation<SyncChildPageVariables, SyncProductVariantsData> SyncProductVariants { get; } =
        new("SyncProductVariants", 203, Json.SyncChildPageVariables, Json.SyncProductVariantsData);

    public static ShopifyOperation<RunBulkQueryVariables, RunBulkQueryData> RunBulkQuery { get; } =
        new("RunBulkQuery", 10, Json.RunBulkQueryVariables, Json.RunBulkQueryData);

    public static ShopifyOperation<IdVariables, GetBulkOperationData> GetBulkOperation { get; } =
        new("GetBulkOperation", 1, Json.IdVariables, Json.GetBulkOperationData);

    /// <summary>
    /// The backfill's bulk query: its <see cref="ShopifyOperation{TVariables, TData}.Document"/> is sent as the text of
    /// <see cref="RunBulkQuery"/> (see <see cref="Orders.ShopifyOrderNodes.BulkQuery"/>), never executed on its own.
    /// </summary>
    public static ShopifyOperation<NoVariables, System.Text.Json.JsonElement> BulkOrders { get; } =
        new("BulkOrders", 1, Json.NoVariables, Json.JsonElement);
}
