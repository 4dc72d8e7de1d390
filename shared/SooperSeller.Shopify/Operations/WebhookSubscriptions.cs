namespace SooperSeller.Shopify.Operations;

/// <summary>A webhook subscription as listed or created; <see cref="Topic"/> is the enum value, e.g. <c>ORDERS_CREATE</c>.</summary>
public sealed record WebhookSubscriptionNode(string Id, string Topic, string Uri, string? Format, DateTimeOffset? CreatedAt);

/// <summary>Variables of a paged query: page size and the cursor to continue after.</summary>
public sealed record PageVariables(int First, string? After);

public sealed record ListWebhookSubscriptionsData(Connection<WebhookSubscriptionNode> WebhookSubscriptions);

/// <summary>Variables of <c>CreateWebhookSubscription</c>.</summary>
public sealed record CreateWebhookSubscriptionVariables(string Topic, WebhookSubscriptionInput WebhookSubscription);

/// <summary>Where and how to deliver: <see cref="Uri"/> is our HTTPS endpoint (or a Pub/Sub / EventBridge address).</summary>
public sealed record WebhookSubscriptionInput(string Uri, string? Format = "JSON");

public sealed record CreateWebhookSubscriptionData(WebhookSubscriptionCreatePayload WebhookSubscriptionCreate);

public sealed record WebhookSubscriptionCreatePayload(WebhookSubscriptionNode? WebhookSubscription, IReadOnlyList<ShopifyUserError> UserErrors)
    : IShopifyMutationPayload;

public sealed record IdVariables(string Id);

public sealed record DeleteWebhookSubscriptionData(WebhookSubscriptionDeletePayload WebhookSubscriptionDelete);

public sealed record WebhookSubscriptionDeletePayload(string? DeletedWebhookSubscriptionId, IReadOnlyList<ShopifyUserError> UserErrors)
    : IShopifyMutationPayload;
