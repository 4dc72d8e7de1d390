using Microsoft.Extensions.Options;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Stores;
using SooperSeller.Shopify.Operations;

namespace SooperSeller.Shopify.Stores;

/// <summary>
/// The stores feature's view of Shopify (<see cref="IShopifyGateway"/>): OAuth through <see cref="ShopifyOAuth"/>, the
/// Admin API through <see cref="ShopifyAdminClient"/>, tokens through <see cref="IShopifyTokenStore"/>.
/// </summary>
public sealed class ShopifyStoreGateway(ShopifyOAuth oauth, ShopifyAdminClient admin, IShopifyTokenStore tokens, IOptions<ShopifyOptions> options) : IShopifyGateway
{
    /// <summary>The topics every connected shop is subscribed to (compliance topics come from shopify.app.toml instead).</summary>
    public static IReadOnlyList<string> WebhookTopics { get; } =
    [
        "ORDERS_CREATE",
        "ORDERS_UPDATED",
        "ORDERS_CANCELLED",
        "ORDERS_DELETE",
        "PRODUCTS_CREATE",
        "PRODUCTS_UPDATE",
        "PRODUCTS_DELETE",
        "APP_UNINSTALLED",
        "BULK_OPERATIONS_FINISH",
    ];

    public const string WebhookPath = "api/webhooks/shopify";

    public const string CallbackPath = "api/shopify/callback";

    private const int PageSize = 100;

    private ShopifyOptions Options => options.Value;

    /// <summary>Where Shopify delivers our webhooks: <c>{Shopify:AppUrl}/api/webhooks/shopify</c>.</summary>
    public Uri WebhookUri => new(AppBase, WebhookPath);

    private Uri AppBase => new(Options.AppUrl.ToString().TrimEnd('/') + "/");

    public bool TryNormaliseShopDomain(string? input, out string shopDomain)
    {
        var valid = ShopDomain.TryParse(input, out var shop);
        shopDomain = valid ? shop!.Value : string.Empty;
        return valid;
    }

    public SignedQueryVerdict VerifySignedQuery(IEnumerable<KeyValuePair<string, string?>> query)
    {
        var check = oauth.VerifySignedQuery(query);
        return check.Failure switch
        {
            SignedQueryFailure.None when check.Shop is not null => SignedQueryVerdict.Ok(check.Shop.Value),
            SignedQueryFailure.MissingHmac => SignedQueryVerdict.Refused("hmac", "The request carries no Shopify signature."),
            SignedQueryFailure.BadSignature => SignedQueryVerdict.Refused("hmac", "The Shopify signature does not match the request."),
            SignedQueryFailure.StaleTimestamp => SignedQueryVerdict.Refused("timestamp", "The request is missing its timestamp or is too old; start again from Shopify."),
            _ => SignedQueryVerdict.Refused("shop", "The shop is not a myshopify.com store domain."),
        };
    }

    public Uri AuthorizeUrl(string shopDomain, string state) =>
        oauth.AuthorizeUrl(ShopDomain.Parse(shopDomain), ShopifyScopes.Required, new Uri(AppBase, CallbackPath), state);

    public async Task<ShopifyGrant> ExchangeCodeAsync(string shopDomain, string code, CancellationToken cancellationToken)
    {
        var shop = ShopDomain.Parse(shopDomain);
        ShopifyTokenSet granted;
        try
        {
            granted = await oauth.ExchangeCodeAsync(shop, code, cancellationToken);
        }
        catch (ShopifyOAuthException e) when (e.StatusCode is { } status && status < System.Net.HttpStatusCode.InternalServerError)
        {
            throw new ValidationFailedException("code", "Shopify refused the authorization code (used or expired); connect the store again.");
        }

        var missing = ShopifyScopes.Missing(granted.Scopes, ShopifyScopes.Required);
        if (missing.Count == 0)
        {
            await tokens.SaveAsync(shop, granted, cancellationToken);
        }

        return new ShopifyGrant(granted.Scopes, missing);
    }

    public async Task<ShopProfile> GetShopAsync(string shopDomain, CancellationToken cancellationToken)
    {
        var data = await admin.ExecuteAsync(ShopDomain.Parse(shopDomain), ShopifyOperations.GetShop, NoVariables.Instance, cancellationToken);
        return new ShopProfile(data.Shop.Name, data.Shop.CurrencyCode, data.Shop.IanaTimezone);
    }

    public async Task<IReadOnlyList<string>> EnsureWebhooksAsync(string shopDomain, CancellationToken cancellationToken)
    {
        var shop = ShopDomain.Parse(shopDomain);
        var uri = WebhookUri.ToString();
        var existing = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var subscription in ListSubscriptionsAsync(shop, cancellationToken))
        {
            if (string.Equals(subscription.Uri, uri, StringComparison.Ordinal))
            {
                existing.Add(subscription.Topic);
            }
        }

        foreach (var topic in WebhookTopics.Where(t => !existing.Contains(t)))
        {
            var created = await admin.ExecuteAsync(shop, ShopifyOperations.CreateWebhookSubscription, new CreateWebhookSubscriptionVariables(topic, new WebhookSubscriptionInput(uri)), cancellationToken);
            created.WebhookSubscriptionCreate.ThrowIfUserErrors();
        }

        return WebhookTopics;
    }

    public async Task RemoveWebhooksAsync(string shopDomain, CancellationToken cancellationToken)
    {
        var shop = ShopDomain.Parse(shopDomain);
        var uri = WebhookUri.ToString();
        var ours = new List<string>();
        await foreach (var subscription in ListSubscriptionsAsync(shop, cancellationToken))
        {
            if (string.Equals(subscription.Uri, uri, StringComparison.Ordinal))
            {
                ours.Add(subscription.Id);
            }
        }

        foreach (var id in ours)
        {
            var deleted = await admin.ExecuteAsync(shop, ShopifyOperations.DeleteWebhookSubscription, new IdVariables(id), cancellationToken);
            deleted.WebhookSubscriptionDelete.ThrowIfUserErrors();
        }
    }

    public async Task<IReadOnlyList<StoreLocation>> ListLocationsAsync(string shopDomain, CancellationToken cancellationToken)
    {
        var locations = new List<StoreLocation>();
        await foreach (var node in admin.PageAsync(ShopDomain.Parse(shopDomain), ShopifyOperations.ListLocations, after => new ListLocationsVariables(PageSize, after, IncludeInactive: true), data => data.Locations, cancellationToken))
        {
            locations.Add(new StoreLocation(node.Id, node.Name, node.IsActive, node.Address?.City, node.Address?.CountryCode));
        }

        return locations;
    }

    public Task ForgetTokensAsync(string shopDomain, CancellationToken cancellationToken) =>
        tokens.ForgetAsync(ShopDomain.Parse(shopDomain), cancellationToken);

    private IAsyncEnumerable<WebhookSubscriptionNode> ListSubscriptionsAsync(ShopDomain shop, CancellationToken cancellationToken) =>
        admin.PageAsync(shop, ShopifyOperations.ListWebhookSubscriptions, after => new PageVariables(PageSize, after), data => data.WebhookSubscriptions, cancellationToken);
}
