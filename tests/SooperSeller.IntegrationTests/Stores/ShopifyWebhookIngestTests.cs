using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SooperSeller.Core.Stores;
using SooperSeller.Core.Stores.Webhooks;
using SooperSeller.Core.Tenancy;
using SooperSeller.DevHost.Emulators;
using SooperSeller.DevHost.Hosting;
using SooperSeller.Infrastructure.Storage;
using SooperSeller.Infrastructure.Stores.Webhooks;
using SooperSeller.IntegrationTests.Accounts;
using SooperSeller.Shopify;
using SooperSeller.Testing;
using SooperSeller.Testing.DevHost;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Stores;

/// <summary>
/// <c>POST /api/webhooks/shopify</c> through the DevHost over real HTTP, on an Azurite of the class's own (the
/// <c>shopify-webhooks</c> queue name is fixed): signature, headers, de-duplication, unknown and disconnected shops,
/// the poison queue and the replay command, and the simulator's own signed deliveries end to end. The app's webhook
/// handlers are replaced by one that records, so these tests see exactly what processing hands over.
/// </summary>
public sealed class ShopifyWebhookIngestTests(EmulatorsFixture fixture, PrivateAzuriteFixture storage) : IClassFixture<EmulatorsFixture>, IClassFixture<PrivateAzuriteFixture>, IAsyncLifetime
{
    private const string PreviousSecret = "previous-shopify-secret-for-webhook-tests";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly RecordingWebhookHandler _handler = new();
    private TestDevHost? _devHost;

    private ShopifySimulator Shopify => fixture.Emulators.Shopify;

    private StorageClients Storage => StorageClients.FromConnectionString(storage.Azurite.ConnectionString);

    public async Task InitializeAsync() =>
        _devHost = await TestDevHost.StartAsync(
            fixture.Emulators,
            ownAzurite: storage.Azurite,
            settings: new Dictionary<string, string?> { ["DevHost:Sandbox"] = "true", ["Shopify:PreviousApiSecret"] = PreviousSecret },
            services: services =>
            {
                services.RemoveAll<IShopifyWebhookHandler>();
                services.AddSingleton<IShopifyWebhookHandler>(_handler);
                // A failed message is retried at once rather than after host.json's 30 s, so poisoning takes moments.
                services.AddSingleton(HostJson.Load() with { VisibilityTimeout = TimeSpan.Zero, MaxPollingInterval = TimeSpan.FromMilliseconds(200) });
            },
            shopify: true);

    public async Task DisposeAsync() => await _devHost!.DisposeAsync();

    [Fact]
    public async Task SignedDelivery_WithDuplicateDeliveries_ReachesTheHandlerExactlyOnce_AndItsPayloadIsDeleted()
    {
        var (shop, merchant, storeId) = await ConnectedShopAsync();
        var eventId = Guid.NewGuid().ToString();
        var firstWebhookId = Guid.NewGuid().ToString();
        var body = OrderPayload(1001);

        var outcomes = new List<string>();
        foreach (var webhookId in new[] { firstWebhookId, Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), firstWebhookId })
        {
            using var response = await SendAsync(Delivery(shop, "orders/create", body, eventId: eventId, webhookId: webhookId));
            outcomes.Add(await OutcomeAsync(response));
        }

        var applied = await Eventually.HoldsAsync(() => _handler.AppliedFor(shop).Count == 1, Deadline);
        var blobGone = await Eventually.HoldsAsync(async () => !await AnyBlobUnderAsync(ShopifyWebhookIngestion.BlobPrefixOf(merchant, storeId, firstWebhookId)), Deadline);
        var sentinel = await SendAndAwaitSentinelAsync(shop);

        Assert.Equal(["queued", "duplicate", "duplicate", "duplicate"], outcomes);
        Assert.True(applied && blobGone && sentinel, "the delivery was not applied once with its blob deleted");
        var (webhook, payload) = _handler.Applied.Single(a => a.Webhook.EventId == eventId);
        Assert.Equal((merchant, "orders/create", firstWebhookId, "2026-10"), (webhook.MerchantId, webhook.Topic, webhook.WebhookId, webhook.ApiVersion));
        Assert.Equal(Encoding.UTF8.GetString(body), payload);
    }

    [Theory]
    [InlineData("X-Shopify-", "X-Shopify-Hmac-Sha256")]
    [InlineData("x-shopify-", "x-shopify-hmac-sha256")]
    [InlineData("Shopify-", "Shopify-Hmac-Sha256")]
    [InlineData("SHOPIFY-", "SHOPIFY-HMAC-SHA256")]
    public async Task Headers_WithOrWithoutXPrefix_InAnyCase_AreRead(string prefix, string signatureHeader)
    {
        var (shop, _, _) = await ConnectedShopAsync();
        var eventId = Guid.NewGuid().ToString();

        using var response = await SendAsync(Delivery(shop, "orders/updated", OrderPayload(7), eventId: eventId, prefix: prefix, signatureHeader: signatureHeader));

        Assert.Equal("queued", await OutcomeAsync(response));
        Assert.True(await Eventually.HoldsAsync(() => _handler.Applied.Any(a => a.Webhook.EventId == eventId && a.Webhook.Topic == "orders/updated"), Deadline));
    }

    [Fact]
    public async Task TamperedBody_UnsignedOrSignedWithAnotherSecret_Is401_AndPreviousSecretIsAccepted()
    {
        var (shop, _, _) = await ConnectedShopAsync();
        var body = OrderPayload(42);
        var tampered = Delivery(shop, "orders/create", body);
        tampered.Content = new ByteArrayContent(OrderPayload(43));
        tampered.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var unsigned = Delivery(shop, "orders/create", body, secret: null);
        var foreign = Delivery(shop, "orders/create", body, secret: "a-secret-that-is-not-ours");
        var previousEvent = Guid.NewGuid().ToString();

        using var tamperedResponse = await SendAsync(tampered);
        using var unsignedResponse = await SendAsync(unsigned);
        using var foreignResponse = await SendAsync(foreign);
        using var previous = await SendAsync(Delivery(shop, "orders/create", body, eventId: previousEvent, secret: PreviousSecret));

        Assert.Equal(HttpStatusCode.Unauthorized, tamperedResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsignedResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, foreignResponse.StatusCode);
        Assert.Equal("application/problem+json", tamperedResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("queued", await OutcomeAsync(previous));
        Assert.True(await Eventually.HoldsAsync(() => _handler.Applied.Any(a => a.Webhook.EventId == previousEvent), Deadline));
        Assert.DoesNotContain(_handler.Applied, a => a.Payload.Contains("#43", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Malformed_Is400NamingTheHeaderOrTheBody()
    {
        var (shop, _, _) = await ConnectedShopAsync();
        var noTopic = Delivery(shop, "orders/create", OrderPayload(1));
        noTopic.Headers.Remove("X-Shopify-Topic");
        var noShop = Delivery(shop, "orders/create", OrderPayload(1));
        noShop.Headers.Remove("X-Shopify-Shop-Domain");
        var noWebhookId = Delivery(shop, "orders/create", OrderPayload(1));
        noWebhookId.Headers.Remove("X-Shopify-Webhook-Id");

        using var topicResponse = await SendAsync(noTopic);
        using var shopResponse = await SendAsync(noShop);
        using var webhookIdResponse = await SendAsync(noWebhookId);
        using var arrayResponse = await SendAsync(Delivery(shop, "orders/create", "[1,2,3]"u8.ToArray()));
        using var truncatedResponse = await SendAsync(Delivery(shop, "orders/create", "{\"id\":1"u8.ToArray()));

        await AssertRefusedNamingAsync(topicResponse, "X-Shopify-Topic");
        await AssertRefusedNamingAsync(shopResponse, "X-Shopify-Shop-Domain");
        await AssertRefusedNamingAsync(webhookIdResponse, "X-Shopify-Webhook-Id");
        await AssertRefusedNamingAsync(arrayResponse, "$");
        await AssertRefusedNamingAsync(truncatedResponse, "$");
    }

    [Fact]
    public async Task UnknownShop_Is200_AndNothingIsQueued()
    {
        var unknown = $"u-{Guid.NewGuid():N}"[..14] + ".myshopify.com";
        var (shop, _, _) = await ConnectedShopAsync();

        using var response = await SendAsync(Delivery(unknown, "orders/create", OrderPayload(5)));
        var sentinel = await SendAndAwaitSentinelAsync(shop);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("unknownShop", await OutcomeAsync(response));
        Assert.True(sentinel);
        Assert.Empty(_handler.AppliedFor(unknown));
        Assert.DoesNotContain(await PeekAsync(QueueShopifyWebhooks.QueueName), m => m.Contains(unknown, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DisconnectedStore_OrdersTopicIsIgnored_ComplianceTopicIsProcessed()
    {
        var (shop, merchant, _) = await ConnectedShopAsync();
        await _devHost!.Services.GetRequiredService<IShopDirectory>().MarkDisconnectedAsync(shop, merchant, CancellationToken.None);
        var redactEvent = Guid.NewGuid().ToString();

        using var order = await SendAsync(Delivery(shop, "orders/create", OrderPayload(9)));
        using var redact = await SendAsync(Delivery(shop, "customers/redact", """{"shop_id":1,"shop_domain":"x","customer":{"id":7},"orders_to_redact":[9]}"""u8.ToArray(), eventId: redactEvent));
        var processed = await Eventually.HoldsAsync(() => _handler.Applied.Any(a => a.Webhook.EventId == redactEvent), Deadline);

        Assert.Equal("disconnected", await OutcomeAsync(order));
        Assert.Equal("queued", await OutcomeAsync(redact));
        Assert.True(processed, "customers/redact for a disconnected store was not processed");
        Assert.Equal(["customers/redact"], _handler.AppliedFor(shop).Select(w => w.Topic));
    }

    [Fact]
    public async Task FailingHandler_ParksTheMessageInThePoisonQueueWithItsBlobKept_ReplayAppliesItOnceAndDeletesTheBlob()
    {
        var (shop, merchant, storeId) = await ConnectedShopAsync();
        var webhookId = Guid.NewGuid().ToString();
        var blobPrefix = ShopifyWebhookIngestion.BlobPrefixOf(merchant, storeId, webhookId);
        _handler.Failing = true;

        using var response = await SendAsync(Delivery(shop, "orders/create", OrderPayload(77), webhookId: webhookId));
        var poisoned = await Eventually.HoldsAsync(async () => (await PeekAsync(QueueShopifyWebhooks.QueueName + "-poison")).Any(m => m.Contains(webhookId, StringComparison.Ordinal)), Deadline);
        var keptWhilePoisoned = await AnyBlobUnderAsync(blobPrefix);
        var poisonedMessage = (await PeekAsync(QueueShopifyWebhooks.QueueName + "-poison")).Single(m => m.Contains(webhookId, StringComparison.Ordinal));

        _handler.Failing = false;
        var replay = await PoisonQueueReplay.MainAsync(
            ["replay", QueueShopifyWebhooks.QueueName],
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [StorageClients.SettingName] = storage.Azurite.ConnectionString }).Build(),
            TextWriter.Null,
            CancellationToken.None);
        var applied = await Eventually.HoldsAsync(() => _handler.AppliedFor(shop).Count == 1, Deadline);
        var deleted = await Eventually.HoldsAsync(async () => !await AnyBlobUnderAsync(blobPrefix), Deadline);
        var sentinel = await SendAndAwaitSentinelAsync(shop);

        Assert.Equal("queued", await OutcomeAsync(response));
        Assert.True(poisoned, "the failing message did not reach shopify-webhooks-poison");
        Assert.True(keptWhilePoisoned, "the claim-check blob was deleted while its message was poisoned");
        Assert.DoesNotContain("#77", poisonedMessage, StringComparison.Ordinal);
        Assert.Equal(0, replay);
        Assert.True(applied && deleted && sentinel, "the replayed message was not applied once with its blob deleted");
        Assert.Single(_handler.Applied, a => a.Webhook.WebhookId == webhookId);
    }

    [Fact]
    public async Task EndToEnd_TheSimulatorsSignedDeliveriesOfAnOrderCreate_ReachTheHandler()
    {
        var shop = $"w-{Guid.NewGuid():N}"[..14] + ".myshopify.com";
        await Shopify.CreateShopAsync(shop, "Webhook Shop " + shop[2..8]);
        await ConnectThroughOAuthAsync(shop);
        var subscribed = await Eventually.HoldsAsync(async () => (await Shopify.GetSubscriptionsAsync(shop)).Any(s => IsOrdersCreate(s.Topic)), Deadline);
        await Shopify.SetDeliveryControlsAsync(shop, duplicates: 2);

        await Shopify.CreateOrderAsync(shop, new SimOrder { LineItems = [new SimLineItem(Title: "Lawn suit", Price: 3450m, Quantity: 2)] });
        IReadOnlyList<SimDelivery> copies = [];
        var delivered = await Eventually.HoldsAsync(async () => (copies = [.. (await Shopify.GetDeliveriesAsync(shop)).Where(d => IsOrdersCreate(d.Topic))]) is { Count: 3 } && copies.All(d => d.Delivered), Deadline);
        var applied = await Eventually.HoldsAsync(() => _handler.AppliedFor(shop).Any(w => w.Topic == "orders/create"), Deadline);
        var sentinel = await SendAndAwaitSentinelAsync(shop);

        Assert.True(subscribed, "the store's set-up did not subscribe orders/create");
        Assert.True(delivered, "the simulator did not deliver the order's webhook and its duplicates successfully");
        Assert.True(applied && sentinel, "the simulator's delivery did not reach the handler");
        Assert.Single(copies.Select(c => c.EventId).Distinct());
        Assert.Equal(3, copies.Select(c => c.WebhookId).Distinct().Count());
        var handled = _handler.Applied.Where(a => a.Webhook.ShopDomain == shop && a.Webhook.Topic == "orders/create").ToList();
        // Copies sent at the same moment may all pass the ingest check before any is recorded; processing is
        // idempotent for exactly that reason. Copies arriving after one was queued never reach the queue (test above).
        Assert.InRange(handled.Count, 1, 3);
        Assert.All(handled, a => Assert.Equal(copies[0].EventId, a.Webhook.EventId));
        Assert.All(handled, a => Assert.Contains("Lawn suit", a.Payload, StringComparison.Ordinal));
    }

    private static bool IsOrdersCreate(string topic) => topic.Replace('_', '/').Equals("orders/create", StringComparison.OrdinalIgnoreCase);

    /// <summary>A shop held by a new merchant's store in the shop directory, as a completed connection leaves it.</summary>
    private async Task<(string Shop, MerchantId Merchant, string StoreId)> ConnectedShopAsync()
    {
        var shop = $"h-{Guid.NewGuid():N}"[..14] + ".myshopify.com";
        var merchant = MerchantId.New();
        var storeId = "sto_" + Guid.NewGuid().ToString("N");
        Assert.True(await _devHost!.Services.GetRequiredService<IShopDirectory>().TryClaimAsync(shop, merchant, storeId, CancellationToken.None));
        return (shop, merchant, storeId);
    }

    /// <summary>The whole connection, as a merchant does it: sign up, connect, approve on the simulated Shopify.</summary>
    private async Task ConnectThroughOAuthAsync(string shop)
    {
        using var client = LoopbackClient.Fresh(_devHost!.Host.BaseAddress);
        var api = new AccountsApi(client);
        var email = $"hooks.{Guid.NewGuid():N}@example.pk";
        var owner = await api.SignUpAsync(email, "Webhook Owner " + email[6..12]);
        using var connect = await api.SendAsync(HttpMethod.Post, "api/stores/connect", owner, new { shopDomain = shop });
        var authorizeUrl = new Uri((await connect.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("authorizeUrl").GetString()!);
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var consent = await noRedirects.GetAsync(authorizeUrl);
        using var callback = new HttpRequestMessage(HttpMethod.Get, consent.Headers.Location);
        callback.Headers.Add("Cookie", $"{AccountsApi.CookieName}={owner.Cookie}");
        using var completed = await noRedirects.SendAsync(callback);
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        Assert.False(string.IsNullOrEmpty(QueryHelpers.ParseQuery(completed.Headers.Location!.Query)["connected"].ToString()));
    }

    /// <summary>
    /// Sends a fresh event for <paramref name="shop"/> and waits until it is applied. The queue is first in, first out
    /// here, so once this later message is through, anything sent before it that was queued has been processed too.
    /// </summary>
    private async Task<bool> SendAndAwaitSentinelAsync(string shop)
    {
        var eventId = "sentinel-" + Guid.NewGuid().ToString("N");
        using var response = await SendAsync(Delivery(shop, "orders/updated", OrderPayload(0), eventId: eventId));
        return await Eventually.HoldsAsync(() => _handler.Applied.Any(a => a.Webhook.EventId == eventId), Deadline);
    }

    private HttpRequestMessage Delivery(
        string shop, string topic, byte[] body, string? eventId = null, string? webhookId = null, string? secret = "", string prefix = "X-Shopify-", string signatureHeader = "X-Shopify-Hmac-Sha256")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/shopify") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(prefix + "Topic", topic);
        request.Headers.Add(prefix + "Shop-Domain", shop);
        request.Headers.Add(prefix + "Webhook-Id", webhookId ?? Guid.NewGuid().ToString());
        request.Headers.Add(prefix + "Event-Id", eventId ?? Guid.NewGuid().ToString());
        request.Headers.Add(prefix + "Triggered-At", "2026-11-28T10:00:27.877041743Z");
        request.Headers.Add(prefix + "API-Version", "2026-10");
        if (secret is not null)
        {
            request.Headers.Add(signatureHeader, ShopifyWebhookSignature.Sign(body, secret.Length == 0 ? Shopify.ApiSecret : secret));
        }

        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            // As Shopify's servers: no browser headers, no cookies.
            using var client = TestDevHost.CreateClient(_devHost!.Host.BaseAddress);
            return await client.SendAsync(request);
        }
    }

    private static async Task<string> OutcomeAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("outcome").GetString()!;
    }

    private static byte[] OrderPayload(int number) =>
        JsonSerializer.SerializeToUtf8Bytes(new { id = 5_000_000_000L + number, name = "#" + number, email = "customer@example.pk", line_items = new[] { new { title = "Lawn suit", quantity = 1, price = "3450.00" } } });

    private async Task<bool> AnyBlobUnderAsync(string prefix)
    {
        await foreach (var _ in Storage.Blobs.GetBlobContainerClient(BlobWebhookClaimChecks.ContainerName).GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, CancellationToken.None))
        {
            return true;
        }

        return false;
    }

    private async Task<IReadOnlyList<string>> PeekAsync(string queue)
    {
        var client = Storage.Queues.GetQueueClient(queue);
        if (!(await client.ExistsAsync()).Value)
        {
            return [];
        }

        return [.. (await client.PeekMessagesAsync(32)).Value.Select(m => m.Body.ToString())];
    }

    private static async Task AssertRefusedNamingAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400 naming {field}, got {(int)response.StatusCode}: {body}");
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"the problem does not name {field}: {body}");
    }
}
