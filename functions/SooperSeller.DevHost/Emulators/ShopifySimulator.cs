using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;

namespace SooperSeller.DevHost.Emulators;

/// <summary>
/// The Shopify Admin API simulator (infra/local/shopify-simulator): OAuth, expiring tokens, GraphQL Admin API checked
/// against the pinned schema with query costs and throttling, bulk operations and signed webhooks. Plain HTTP on a free
/// loopback port; every shop lives under <c>{Endpoint}{shop-domain}</c>, which stands for <c>https://{shop-domain}</c>.
/// In memory only. It deliberately shares no types with SooperSeller.Shopify, so that a mapping mistake in the client
/// cannot be mirrored here and cancel out. The control API is documented in infra/local/shopify-simulator/README.md.
/// </summary>
public sealed class ShopifySimulator : IAsyncDisposable
{
    /// <summary>The app credentials the test fixtures and the DevHost sandbox run the simulator with (not secrets).</summary>
    public const string SandboxApiKey = "sandbox-api-key";

    public const string SandboxApiSecret = "sandbox-api-secret";

    /// <summary>The newest Admin API version in the pinned schemas.</summary>
    public const string DefaultApiVersion = "2026-10";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly HttpClient _control;

    private ShopifySimulator(NodeProcess process, Uri endpoint, string apiKey, string apiSecret)
    {
        Process = process;
        Endpoint = endpoint;
        ApiKey = apiKey;
        ApiSecret = apiSecret;
        _control = new HttpClient { BaseAddress = endpoint };
    }

    /// <summary>The simulator's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Endpoint { get; }

    public NodeProcess Process { get; }

    public string ApiKey { get; }

    public string ApiSecret { get; }

    /// <summary>The value for <c>Shopify:AdminBaseUrl</c>: the client replaces the literal <c>{shop}</c> with the shop's domain.</summary>
    public string AdminBaseUrl => $"{Endpoint}{{shop}}";

    /// <summary>Where a shop's GraphQL Admin API is served.</summary>
    public Uri GraphQlUrl(string shop, string version = DefaultApiVersion) => new(Endpoint, $"{shop}/admin/api/{version}/graphql.json");

    /// <summary>The shop's authorize page (<c>https://{shop}/admin/oauth/authorize</c>).</summary>
    public Uri AuthorizeUrl(string shop) => new(Endpoint, $"{shop}/admin/oauth/authorize");

    /// <summary>The shop's token endpoint (<c>https://{shop}/admin/oauth/access_token</c>).</summary>
    public Uri AccessTokenUrl(string shop) => new(Endpoint, $"{shop}/admin/oauth/access_token");

    public static async Task<ShopifySimulator> StartAsync(string apiKey, string apiSecret, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        ArgumentException.ThrowIfNullOrEmpty(apiSecret);
        var infra = RepositoryLayout.LocalInfra;
        await NpmPackages.EnsureInstalledAsync(infra, logger, cancellationToken);
        Uri? endpoint = null;
        var process = await NodeProcess.StartAsync(
            "Shopify simulator",
            infra,
            [
                "-r", Path.Combine(infra, "exit-with-parent.js"),
                Path.Combine(infra, "shopify-simulator", "server.js"),
                "--host", "127.0.0.1", "--port", "0", "--api-key", apiKey, "--api-secret", apiSecret,
            ],
            line =>
            {
                if (!line.StartsWith('{'))
                {
                    return false;
                }

                var ready = JsonSerializer.Deserialize<ReadyLine>(line, Json);
                if (ready is { Event: "ready", Endpoint: not null })
                {
                    endpoint = new Uri(ready.Endpoint);
                    return true;
                }

                return false;
            },
            logger,
            cancellationToken);
        return new ShopifySimulator(process, endpoint!, apiKey, apiSecret);
    }

    /// <summary>Creates the shop, or replaces it (and revokes its tokens) if it exists.</summary>
    public Task<SimShop> CreateShopAsync(string domain, string? name = null, int? bucketSize = null, int? restoreRate = null, CancellationToken cancellationToken = default) =>
        SendAsync<SimShop>(HttpMethod.Post, "_sim/shops", new
        {
            domain,
            name,
            bucket = bucketSize is null && restoreRate is null ? null : new { maximumAvailable = bucketSize ?? 2000, restoreRate = restoreRate ?? 100 },
        }, cancellationToken);

    public Task<SimShop> GetShopAsync(string shop, CancellationToken cancellationToken = default) =>
        SendAsync<SimShop>(HttpMethod.Get, $"_sim/shops/{shop}", null, cancellationToken);

    public Task DeleteShopAsync(string shop, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement>(HttpMethod.Delete, $"_sim/shops/{shop}", null, cancellationToken);

    /// <summary>Adds records without emitting webhooks (the shop's state before the app was installed).</summary>
    public Task<SimSeedResult> SeedAsync(string shop, SimSeed seed, CancellationToken cancellationToken = default) =>
        SendAsync<SimSeedResult>(HttpMethod.Post, $"_sim/shops/{shop}/seed", seed, cancellationToken);

    /// <summary>Issues an access token without OAuth (marks the app installed). Returns the token endpoint's JSON.</summary>
    public Task<SimTokenResponse> IssueAccessTokenAsync(string shop, IReadOnlyList<string> scopes, bool expiring = true, CancellationToken cancellationToken = default) =>
        SendAsync<SimTokenResponse>(HttpMethod.Post, $"_sim/shops/{shop}/access-tokens", new { scopes, expiring }, cancellationToken);

    /// <summary>Makes the next authorize grant exactly these scopes (the merchant edited the scope list); null restores the default.</summary>
    public Task GrantScopesOnNextAuthorizeAsync(string shop, IReadOnlyList<string>? scopes, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement>(HttpMethod.Put, $"_sim/shops/{shop}/grant-scopes", new { scopes }, cancellationToken);

    /// <summary>Expires every access token of the shop now (refresh tokens stay valid).</summary>
    public async Task<int> ExpireAccessTokensAsync(string shop, CancellationToken cancellationToken = default) =>
        (await SendAsync<JsonElement>(HttpMethod.Post, $"_sim/shops/{shop}/tokens/expire", null, cancellationToken)).GetProperty("expired").GetInt32();

    /// <summary>The next <paramref name="count"/> Admin API requests of the shop (GraphQL and token) fail with <paramref name="status"/>.</summary>
    public Task FailNextRequestsAsync(string shop, int count, int status, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"_sim/shops/{shop}/faults", new { count, status }, cancellationToken);

    /// <summary>The next <paramref name="count"/> Admin API requests get no answer; the connection is dropped after <paramref name="hang"/>.</summary>
    public Task HangNextRequestsAsync(string shop, int count, TimeSpan hang, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"_sim/shops/{shop}/faults", new { count, hangMs = (long)hang.TotalMilliseconds }, cancellationToken);

    public Task ClearFaultsAsync(string shop, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement>(HttpMethod.Delete, $"_sim/shops/{shop}/faults", null, cancellationToken);

    /// <summary>Changes the shop's leaky bucket; <paramref name="currentlyAvailable"/> also sets its level now.</summary>
    public Task<SimThrottleStatus> SetBucketAsync(string shop, int maximumAvailable, int restoreRate, int? currentlyAvailable = null, CancellationToken cancellationToken = default) =>
        SendAsync<SimThrottleStatus>(HttpMethod.Put, $"_sim/shops/{shop}/bucket", new { maximumAvailable, restoreRate, currentlyAvailable }, cancellationToken);

    public Task<SimCounters> GetCountersAsync(string shop, CancellationToken cancellationToken = default) =>
        SendAsync<SimCounters>(HttpMethod.Get, $"_sim/shops/{shop}/counters", null, cancellationToken);

    /// <summary>Creates an order as the merchant or a checkout would (emits orders/create). Returns the REST JSON of the order.</summary>
    public Task<JsonElement> CreateOrderAsync(string shop, SimOrder order, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"_sim/shops/{shop}/orders", order, cancellationToken);

    /// <summary>Changes an order (emits orders/updated, and orders/paid or orders/fulfilled on those transitions).</summary>
    public Task<JsonElement> UpdateOrderAsync(string shop, long orderId, SimOrderPatch patch, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement>(HttpMethod.Patch, $"_sim/shops/{shop}/orders/{orderId.ToString(CultureInfo.InvariantCulture)}", patch, cancellationToken);

    /// <summary>Cancels an order (emits orders/cancelled and orders/updated). Reason: CUSTOMER, DECLINED, FRAUD, INVENTORY, OTHER, STAFF.</summary>
    public Task<JsonElement> CancelOrderAsync(string shop, long orderId, string reason = "CUSTOMER", CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"_sim/shops/{shop}/orders/{orderId.ToString(CultureInfo.InvariantCulture)}/cancel", new { reason }, cancellationToken);

    /// <summary>Deletes an order (emits orders/delete with only the id).</summary>
    public Task DeleteOrderAsync(string shop, long orderId, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement>(HttpMethod.Delete, $"_sim/shops/{shop}/orders/{orderId.ToString(CultureInfo.InvariantCulture)}", null, cancellationToken);

    /// <summary>The order's current state in Shopify's REST JSON shape (the webhook payload shape).</summary>
    public Task<JsonElement> GetOrderAsync(string shop, long orderId, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement>(HttpMethod.Get, $"_sim/shops/{shop}/orders/{orderId.ToString(CultureInfo.InvariantCulture)}", null, cancellationToken);

    /// <summary>Creates a product (emits products/create). Returns the REST JSON of the product.</summary>
    public Task<JsonElement> CreateProductAsync(string shop, SimProduct product, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"_sim/shops/{shop}/products", product, cancellationToken);

    /// <summary>Changes a product (emits products/update). Variants are matched by id, else by position; extra ones are added.</summary>
    public Task<JsonElement> UpdateProductAsync(string shop, long productId, SimProduct patch, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement>(HttpMethod.Patch, $"_sim/shops/{shop}/products/{productId.ToString(CultureInfo.InvariantCulture)}", patch, cancellationToken);

    public Task DeleteProductAsync(string shop, long productId, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement>(HttpMethod.Delete, $"_sim/shops/{shop}/products/{productId.ToString(CultureInfo.InvariantCulture)}", null, cancellationToken);

    /// <summary>Sets the simulated clock (timestamps, token expiry, the 48 h before shop/redact); query costs restore in real time.</summary>
    public Task<SimClock> SetClockAsync(DateTimeOffset? now = null, TimeSpan? advance = null, bool? frozen = null, CancellationToken cancellationToken = default) =>
        SendAsync<SimClock>(HttpMethod.Put, "_sim/clock", new { now = now?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), advanceMs = advance?.TotalMilliseconds, frozen }, cancellationToken);

    /// <summary>
    /// Moves one shop's time ahead (token expiry, timestamps, the 48 h before shop/redact) without touching other
    /// shops, so tests sharing the simulator stay independent. Returns the shop's new now.
    /// </summary>
    public async Task<DateTimeOffset> AdvanceShopClockAsync(string shop, TimeSpan by, CancellationToken cancellationToken = default) =>
        (await SendAsync<JsonElement>(HttpMethod.Put, $"_sim/shops/{shop}/clock", new { advanceMs = by.TotalMilliseconds }, cancellationToken)).GetProperty("now").GetDateTimeOffset();

    public Task<SimClock> ResetClockAsync(CancellationToken cancellationToken = default) =>
        SendAsync<SimClock>(HttpMethod.Delete, "_sim/clock", null, cancellationToken);

    /// <summary>App-wide settings (as in shopify.app.toml and the Partner dashboard). Null arguments keep their values.</summary>
    public Task ConfigureAppAsync(SimAppSettings settings, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement>(HttpMethod.Put, "_sim/app", settings, cancellationToken);

    /// <summary>The signed URL Shopify opens on install or app launch: <c>{appUrl}?hmac&amp;host&amp;shop&amp;timestamp</c> (needs an app URL).</summary>
    public async Task<Uri> GetInstallUrlAsync(string shop, CancellationToken cancellationToken = default) =>
        new((await SendAsync<JsonElement>(HttpMethod.Get, $"_sim/shops/{shop}/install-url", null, cancellationToken)).GetProperty("url").GetString()!);

    /// <summary>Every webhook delivery attempt of the shop, oldest first.</summary>
    public Task<IReadOnlyList<SimDelivery>> GetDeliveriesAsync(string shop, CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<SimDelivery>>(HttpMethod.Get, $"_sim/shops/{shop}/webhooks/deliveries", null, cancellationToken);

    /// <summary>
    /// Delivery controls for later events: <paramref name="duplicates"/> extra copies per delivery (same event id, new
    /// webhook id), a <paramref name="delay"/> before sending, or <paramref name="hold"/> them until released;
    /// <paramref name="retries"/> overrides the app's retry settings for this shop only. Null arguments keep their values.
    /// </summary>
    public Task SetDeliveryControlsAsync(
        string shop, int? duplicates = null, TimeSpan? delay = null, bool? hold = null, SimWebhookSettings? retries = null, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement>(HttpMethod.Put, $"_sim/shops/{shop}/webhooks/controls", new
        {
            duplicates,
            delayMs = delay?.TotalMilliseconds,
            hold,
            retries = retries?.Retries,
            retryBackoffMs = retries?.RetryBackoffMs,
            timeoutMs = retries?.TimeoutMs,
            failureThreshold = retries?.FailureThreshold,
        }, cancellationToken);

    /// <summary>The shop's webhook subscriptions as the simulator holds them (with consecutive failure counts).</summary>
    public Task<IReadOnlyList<SimSubscription>> GetSubscriptionsAsync(string shop, CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<SimSubscription>>(HttpMethod.Get, $"_sim/shops/{shop}/webhooks/subscriptions", null, cancellationToken);

    /// <summary>Sends the held deliveries in <paramref name="order"/> ("fifo", "reverse" or "shuffle") and stops holding; returns how many.</summary>
    public async Task<int> ReleaseDeliveriesAsync(string shop, string order = "reverse", int seed = 1, CancellationToken cancellationToken = default) =>
        (await SendAsync<JsonElement>(HttpMethod.Post, $"_sim/shops/{shop}/webhooks/release", new { order, seed }, cancellationToken)).GetProperty("released").GetInt32();

    /// <summary>Uninstalls the app: revokes its tokens and subscriptions and emits app/uninstalled.</summary>
    public Task UninstallAsync(string shop, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"_sim/shops/{shop}/uninstall", null, cancellationToken);

    /// <summary>Sends shop/redact to the app's compliance URI; refused until 48 simulated hours after uninstall unless forced.</summary>
    public Task SendShopRedactAsync(string shop, bool force = false, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"_sim/shops/{shop}/shop-redact", new { force }, cancellationToken);

    /// <summary>Sends customers/redact for a customer (by id or email) to the app's compliance URI.</summary>
    public Task SendCustomersRedactAsync(string shop, long? customerId = null, string? email = null, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"_sim/shops/{shop}/customers-redact", new { customerId, email }, cancellationToken);

    /// <summary>Sends customers/data_request for a customer (by id or email) to the app's compliance URI.</summary>
    public Task SendCustomersDataRequestAsync(string shop, long? customerId = null, string? email = null, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"_sim/shops/{shop}/customers-data-request", new { customerId, email }, cancellationToken);

    /// <summary>Drops every shop, token and setting of the clock.</summary>
    public Task ResetAsync(CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement>(HttpMethod.Post, "_sim/reset", null, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _control.Dispose();
        await Process.DisposeAsync();
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        using var response = await _control.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"Shopify simulator {method} {path} answered {(int)response.StatusCode}: {text}");
        }

        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new InvalidOperationException($"Shopify simulator {method} {path} answered null.");
    }

    private sealed record ReadyLine([property: JsonPropertyName("event")] string? Event, [property: JsonPropertyName("endpoint")] string? Endpoint);
}

public sealed record SimShop(string Domain, string Id, long LegacyId, string Name, string Plan, bool Installed, SimThrottleStatus Bucket, SimShopCounts? Counts = null);

/// <summary>How many records the shop holds.</summary>
public sealed record SimShopCounts(int Locations, int Products, int Orders);

public sealed record SimThrottleStatus(double MaximumAvailable, double CurrentlyAvailable, double RestoreRate);

public sealed record SimClock(DateTimeOffset Now, bool Frozen, bool Simulated);

public sealed record SimCounters(
    int GraphqlRequests,
    int Throttled,
    int AccessDenied,
    int Unauthorized,
    int FaultsInjected,
    int TokenExchanges,
    int TokenRefreshes,
    int FailedTokenRequests,
    int Authorizations,
    int WebhookDeliveries,
    int WebhookFailures,
    int BulkOperations);

/// <summary>The token endpoint's answer, in its snake_case wire shape.</summary>
public sealed record SimTokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("expires_in")] int? ExpiresIn,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("refresh_token_expires_in")] int? RefreshTokenExpiresIn);

public sealed record SimDelivery(
    string WebhookId, string EventId, string Topic, string Uri, long? SubscriptionId, bool Delivered, bool? SubscriptionDeleted, IReadOnlyList<SimDeliveryAttempt> Attempts);

public sealed record SimSubscription(string Id, string Topic, string Uri, string ApiVersion, int ConsecutiveFailures);

public sealed record SimDeliveryAttempt(int? Status, string? Error, DateTimeOffset At);

/// <summary>App-wide settings; null members are left unchanged.</summary>
public sealed record SimAppSettings
{
    /// <summary>The app URL Shopify opens on install (the signed install URL's base).</summary>
    public string? AppUrl { get; init; }

    /// <summary>Where customers/data_request, customers/redact and shop/redact go (the toml's compliance_topics uri).</summary>
    public string? ComplianceUri { get; init; }

    /// <summary>App-wide subscriptions (the toml's [[webhooks.subscriptions]]): topic like "orders/create", uri.</summary>
    public IReadOnlyList<SimAppWebhook>? Webhooks { get; init; }

    public SimWebhookSettings? WebhookSettings { get; init; }

    /// <summary>How long bulk operations take before COMPLETED (default 0).</summary>
    public int? BulkDelayMs { get; init; }
}

public sealed record SimAppWebhook(string Topic, string Uri);

/// <summary>Retries after a failed attempt, the first backoff (doubling), the request timeout, and failed attempts before a shop subscription is deleted.</summary>
public sealed record SimWebhookSettings(int? Retries = null, int? RetryBackoffMs = null, int? TimeoutMs = null, int? FailureThreshold = null);

public sealed record SimSeed(IReadOnlyList<SimLocation>? Locations = null, IReadOnlyList<SimProduct>? Products = null, IReadOnlyList<SimOrder>? Orders = null);

public sealed record SimLocation(
    string? Name = null, string? City = null, bool? IsActive = null, string? Address1 = null, string? Province = null, string? ProvinceCode = null, string? Zip = null, string? Phone = null);

public sealed record SimProduct
{
    public string? Title { get; init; }

    public string? Handle { get; init; }

    /// <summary>ACTIVE, ARCHIVED, DRAFT or UNLISTED.</summary>
    public string? Status { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public IReadOnlyList<SimVariant>? Variants { get; init; }
}

public sealed record SimVariant(string? Sku = null, decimal? Price = null, string? Title = null, string? Barcode = null, int? InventoryQuantity = null);

/// <summary>An order to create; omitted members get plausible Pakistani COD defaults (see README.md).</summary>
public sealed record SimOrder
{
    public IReadOnlyList<SimLineItem>? LineItems { get; init; }

    public decimal? ShippingPrice { get; init; }

    /// <summary>Order-level discount amount.</summary>
    public decimal? Discount { get; init; }

    /// <summary>PENDING (default), PAID, PARTIALLY_PAID, REFUNDED, VOIDED...</summary>
    public string? FinancialStatus { get; init; }

    /// <summary>UNFULFILLED (default), FULFILLED, PARTIALLY_FULFILLED...</summary>
    public string? FulfillmentStatus { get; init; }

    public IReadOnlyList<string>? PaymentGatewayNames { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public string? Note { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public bool? Test { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Last change; defaults to <see cref="CreatedAt"/> (seeded history sets it after a cancellation or fulfilment).</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Seeded history only: the order was already cancelled then (it is closed at the same time).</summary>
    public DateTimeOffset? CancelledAt { get; init; }

    /// <summary>CUSTOMER (default), DECLINED, FRAUD, INVENTORY, OTHER or STAFF; with <see cref="CancelledAt"/> only.</summary>
    public string? CancelReason { get; init; }

    /// <summary>Seeded history only: the order was archived (closed) then.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Null gets a default customer; set <see cref="NoCustomer"/> for an order without one.</summary>
    public SimCustomer? Customer { get; init; }

    public bool? NoCustomer { get; init; }

    /// <summary>Null gets a Karachi default address; set <see cref="NoShippingAddress"/> for an order without one.</summary>
    public SimAddress? ShippingAddress { get; init; }

    public bool? NoShippingAddress { get; init; }
}

/// <summary>A line: by <see cref="Sku"/> or <see cref="VariantId"/> of a seeded variant, or a custom item with a title and price.</summary>
public sealed record SimLineItem(string? Sku = null, int Quantity = 1, decimal? Price = null, decimal? Discount = null, string? Title = null, string? VariantId = null);

public sealed record SimCustomer(string? FirstName = null, string? LastName = null, string? Email = null, string? Phone = null);

public sealed record SimAddress
{
    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Address1 { get; init; }

    public string? Address2 { get; init; }

    public string? City { get; init; }

    public string? Province { get; init; }

    public string? ProvinceCode { get; init; }

    public string? Zip { get; init; }

    public string? Country { get; init; }

    public string? CountryCodeV2 { get; init; }

    public string? Phone { get; init; }
}

/// <summary>Order changes; null members are left unchanged.</summary>
public sealed record SimOrderPatch
{
    public string? FinancialStatus { get; init; }

    public string? FulfillmentStatus { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public string? Note { get; init; }

    public string? Phone { get; init; }

    public bool? Closed { get; init; }

    public SimAddress? ShippingAddress { get; init; }

    public IReadOnlyList<SimLineItem>? LineItems { get; init; }
}

public sealed record SimSeedResult(IReadOnlyList<SimSeededLocation> Locations, IReadOnlyList<SimSeededProduct> Products, IReadOnlyList<SimSeededOrder> Orders);

public sealed record SimSeededLocation(string Id, long LegacyId, string Name);

public sealed record SimSeededProduct(string Id, long LegacyId, IReadOnlyList<SimSeededVariant> Variants);

public sealed record SimSeededVariant(string Id, long LegacyId, string? Sku, string InventoryItemId);

public sealed record SimSeededOrder(string Id, long LegacyId, string Name);
