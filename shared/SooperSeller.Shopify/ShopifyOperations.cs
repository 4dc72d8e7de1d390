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

    public static ShopifyOperation<RunBulkQueryVariables, RunBulkQueryData> RunBulkQuery { get; } =
        new("RunBulkQuery", 10, Json.RunBulkQueryVariables, Json.RunBulkQueryData);

    public static ShopifyOperation<IdVariables, GetBulkOperationData> GetBulkOperation { get; } =
        new("GetBulkOperation", 1, Json.IdVariables, Json.GetBulkOperationData);
}
