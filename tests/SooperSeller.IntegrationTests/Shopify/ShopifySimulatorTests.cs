using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SooperSeller.DevHost.Emulators;
using SooperSeller.IntegrationTests.Orders;
using SooperSeller.Testing;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Shopify;

/// <summary>
/// The Shopify simulator behaves as Shopify documents (shopify.md): schema validation, query cost and throttling,
/// cursor paging, the OAuth grant with rotating refresh tokens, signed webhooks and bulk JSONL. Raw HTTP and JSON only,
/// never through SooperSeller.Shopify, so that the client and the simulator stay independent implementations.
/// Each test uses a shop of its own on the run's shared simulator.
/// </summary>
public sealed class ShopifySimulatorTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>, IDisposable
{
    private static readonly string[] ReadScopes = ["read_orders", "read_products", "read_locations"];
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false });

    private ShopifySimulator Simulator => fixture.Emulators.Shopify;

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task SchemaInvalidDocument_IsRefusedWithErrorsAndNoData()
    {
        var shop = await NewShopAsync();
        var token = await TokenAsync(shop);

        var (status, body) = await GraphQlAsync(shop, token, "{ shop { id notAShopField } }");

        Assert.Equal(HttpStatusCode.OK, status);
        var error = Assert.Single(body["errors"]!.AsArray());
        Assert.Contains("notAShopField", error!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("undefinedField", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task ValidQuery_ReturnsDataAndCostExtensions()
    {
        var shop = await NewShopAsync();
        var token = await TokenAsync(shop);

        var (_, body) = await GraphQlAsync(shop, token, "{ shop { id name myshopifyDomain currencyCode ianaTimezone } currentAppInstallation { accessScopes { handle } } }");

        Assert.Null(body["errors"]);
        Assert.Equal(shop, body["data"]!["shop"]!["myshopifyDomain"]!.GetValue<string>());
        Assert.Equal("PKR", body["data"]!["shop"]!["currencyCode"]!.GetValue<string>());
        Assert.StartsWith("gid://shopify/Shop/", body["data"]!["shop"]!["id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(ReadScopes, body["data"]!["currentAppInstallation"]!["accessScopes"]!.AsArray().Select(s => s!["handle"]!.GetValue<string>()));
        var cost = body["extensions"]!["cost"]!;
        Assert.True(cost["requestedQueryCost"]!.GetValue<int>() > 0);
        Assert.NotNull(cost["actualQueryCost"]);
        Assert.Equal(2000, cost["throttleStatus"]!["maximumAvailable"]!.GetValue<double>());
        Assert.Equal(100, cost["throttleStatus"]!["restoreRate"]!.GetValue<double>());
    }

    [Fact]
    public async Task BadToken_Gets401_AndMissingScope_GetsAccessDenied()
    {
        var shop = await NewShopAsync();
        var ordersOnly = (await Simulator.IssueAccessTokenAsync(shop, ["read_orders"])).AccessToken;

        var (unauthorized, denied401) = await GraphQlAsync(shop, "shpat_not-a-token", "{ shop { id } }");
        var (_, denied) = await GraphQlAsync(shop, ordersOnly, "{ products(first: 1) { nodes { id } } }");

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized);
        Assert.Equal("[API] Invalid API key or access token (unrecognized login or wrong password)", denied401["errors"]!.GetValue<string>());
        Assert.Equal("ACCESS_DENIED", denied["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Burst_OverTheBucket_IsThrottled_ThenRecovers()
    {
        var shop = await NewShopAsync(bucketSize: 60, restoreRate: 20);
        var token = await TokenAsync(shop);
        await Simulator.SeedAsync(shop, new SimSeed(Orders: Enumerable.Range(0, 25).Select(_ => new SimOrder()).ToList()));
        const string Query = "{ orders(first: 25) { nodes { id } } }"; // 2 + 25 × 1 = 27 requested, and actual since 25 exist

        JsonNode? throttled = null;
        var succeeded = 0;
        for (var i = 0; i < 6 && throttled is null; i++)
        {
            var (_, body) = await GraphQlAsync(shop, token, Query);
            if (body["errors"] is JsonArray errors && errors[0]!["extensions"]!["code"]!.GetValue<string>() == "THROTTLED")
            {
                throttled = body;
            }
            else
            {
                succeeded++;
            }
        }

        Assert.NotNull(throttled);
        Assert.Equal(2, succeeded);
        Assert.Equal("Throttled", throttled!["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Null(throttled["data"]);
        var cost = throttled["extensions"]!["cost"]!;
        Assert.Null(cost["actualQueryCost"]);
        Assert.Equal(27, cost["requestedQueryCost"]!.GetValue<int>());
        Assert.True(cost["throttleStatus"]!["currentlyAvailable"]!.GetValue<double>() < 27);

        JsonNode? recovered = null;
        Assert.True(await Eventually.HoldsAsync(
            async () =>
            {
                recovered = (await GraphQlAsync(shop, token, Query)).Body;
                return recovered["errors"] is null;
            },
            TimeSpan.FromSeconds(5)));
        Assert.Equal(25, recovered!["data"]!["orders"]!["nodes"]!.AsArray().Count);
        Assert.True((await Simulator.GetCountersAsync(shop)).Throttled >= 1);
    }

    [Fact]
    public async Task Paging_WalksAllOrdersExactlyOnce_InUpdatedAtOrder()
    {
        var shop = await NewShopAsync();
        var token = await TokenAsync(shop);
        var orders = Enumerable.Range(0, 23)
            .Select(i => new SimOrder { CreatedAt = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero).AddMinutes(i % 7) })
            .ToList();
        var seeded = await Simulator.SeedAsync(shop, new SimSeed(Orders: orders));

        var seen = new List<string>();
        var updatedAts = new List<DateTimeOffset>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var (_, body) = await GraphQlAsync(
                shop,
                token,
                "query($after: String) { orders(first: 5, after: $after, sortKey: UPDATED_AT, query: \"updated_at:>=2026-11-01T00:00:00Z\") { edges { cursor node { id updatedAt } } pageInfo { hasNextPage endCursor } } }",
                new { after });
            Assert.Null(body["errors"]);
            var connection = body["data"]!["orders"]!;
            seen.AddRange(connection["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()));
            updatedAts.AddRange(connection["edges"]!.AsArray().Select(e => DateTimeOffset.Parse(e!["node"]!["updatedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture)));
            pages++;
            if (!connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
            {
                break;
            }

            after = connection["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        Assert.Equal(5, pages);
        Assert.Equal(seeded.Orders.Select(o => o.Id).Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.Equal(seen.Count, seen.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(updatedAts.Order(), updatedAts);
    }

    [Fact]
    public async Task OAuth_AuthorizeSignsTheCallback_CodeExchanges_RefreshRotates_AndTheOldRefreshTokenLastsUntilTheNewOneIsUsed()
    {
        var shop = await NewShopAsync();
        var authorize = new UriBuilder(Simulator.AuthorizeUrl(shop))
        {
            Query = $"client_id={Simulator.ApiKey}&scope=read_orders,write_products&redirect_uri={Uri.EscapeDataString("https://app.example/auth/callback")}&state=nonce-123",
        };

        using var redirect = await _http.GetAsync(authorize.Uri);

        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        var callback = redirect.Headers.Location!;
        Assert.Equal("app.example", callback.Host);
        var query = System.Web.HttpUtility.ParseQueryString(callback.Query);
        Assert.Equal("nonce-123", query["state"]);
        Assert.Equal(shop, query["shop"]);
        var signed = query.AllKeys.Where(k => k is not "hmac").Order(StringComparer.Ordinal)
            .Select(k => $"{Uri.EscapeDataString(k!)}={Uri.EscapeDataString(query[k]!)}");
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Simulator.ApiSecret), Encoding.UTF8.GetBytes(string.Join('&', signed))));
        Assert.Equal(expected, query["hmac"]);

        var first = await TokenRequestAsync(shop, new() { ["client_id"] = Simulator.ApiKey, ["client_secret"] = Simulator.ApiSecret, ["code"] = query["code"]!, ["expiring"] = "1" });
        var replay = await TokenRequestAsync(shop, new() { ["client_id"] = Simulator.ApiKey, ["client_secret"] = Simulator.ApiSecret, ["code"] = query["code"]! });
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("read_orders,write_products", first.Body["scope"]!.GetValue<string>());
        Assert.Equal(3599, first.Body["expires_in"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, replay.Status);
        Assert.Equal("invalid_request", replay.Body["error"]!.GetValue<string>());

        var r1 = first.Body["refresh_token"]!.GetValue<string>();
        var second = await RefreshAsync(shop, r1);
        var r1Again = await RefreshAsync(shop, r1); // the replacement has not been used yet: r1 still works
        var third = await RefreshAsync(shop, second.Body["refresh_token"]!.GetValue<string>());
        var r1Retired = await RefreshAsync(shop, r1);

        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.NotEqual(r1, second.Body["refresh_token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, r1Again.Status);
        Assert.Equal(HttpStatusCode.OK, third.Status);
        Assert.Equal(HttpStatusCode.BadRequest, r1Retired.Status);

        var token = third.Body["access_token"]!.GetValue<string>();
        var (ok, _) = await GraphQlAsync(shop, token, "{ shop { id } }");
        await Simulator.ExpireAccessTokensAsync(shop);
        var (expired, _) = await GraphQlAsync(shop, token, "{ shop { id } }");
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal(HttpStatusCode.Unauthorized, expired);
        var counters = await Simulator.GetCountersAsync(shop);
        Assert.Equal(1, counters.TokenExchanges);
        Assert.Equal(3, counters.TokenRefreshes);
    }

    [Fact]
    public async Task Webhook_IsSignedWithBase64Hmac_AndDuplicatesShareTheEventId()
    {
        var shop = await NewShopAsync();
        var token = await TokenAsync(shop);
        using var receiver = new WebhookCapture();
        var (_, created) = await GraphQlAsync(
            shop,
            token,
            "mutation($uri: String!) { webhookSubscriptionCreate(topic: ORDERS_CREATE, webhookSubscription: { uri: $uri }) { webhookSubscription { id topic } userErrors { field message } } }",
            new { uri = receiver.Url });
        var (_, duplicate) = await GraphQlAsync(
            shop,
            token,
            "mutation($uri: String!) { webhookSubscriptionCreate(topic: ORDERS_CREATE, webhookSubscription: { uri: $uri }) { webhookSubscription { id } userErrors { field message } } }",
            new { uri = receiver.Url });
        Assert.Empty(created["data"]!["webhookSubscriptionCreate"]!["userErrors"]!.AsArray());
        Assert.Equal("Address for this topic has already been taken", duplicate["data"]!["webhookSubscriptionCreate"]!["userErrors"]![0]!["message"]!.GetValue<string>());

        await Simulator.SetDeliveryControlsAsync(shop, duplicates: 1);
        var order = await Simulator.CreateOrderAsync(shop, new SimOrder { LineItems = [new SimLineItem(Title: "Lawn suit", Price: 2500m, Quantity: 2)] });
        var deliveries = await receiver.WaitForAsync(2);

        Assert.All(deliveries, d =>
        {
            Assert.Equal("orders/create", d.Headers["X-Shopify-Topic"]);
            Assert.Equal(shop, d.Headers["X-Shopify-Shop-Domain"]);
            var hmac = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Simulator.ApiSecret), d.Body));
            Assert.Equal(hmac, d.Headers["X-Shopify-Hmac-Sha256"]);
            using var payload = JsonDocument.Parse(d.Body);
            Assert.Equal(order.GetProperty("id").GetInt64(), payload.RootElement.GetProperty("id").GetInt64());
            Assert.Equal("5200.00", payload.RootElement.GetProperty("total_price").GetString()); // 2 × 2500 + 200 shipping
        });
        Assert.Equal(deliveries[0].Headers["X-Shopify-Event-Id"], deliveries[1].Headers["X-Shopify-Event-Id"]);
        Assert.NotEqual(deliveries[0].Headers["X-Shopify-Webhook-Id"], deliveries[1].Headers["X-Shopify-Webhook-Id"]);
    }

    [Fact]
    public async Task FailingReceiver_IsRetried_AndTheShopSubscriptionIsDeletedAfterConsecutiveFailures()
    {
        var shop = await NewShopAsync();
        var token = await TokenAsync(shop);
        using var receiver = new WebhookCapture(HttpStatusCode.InternalServerError);
        await SubscribeAsync(shop, token, "PRODUCTS_UPDATE", receiver.Url);
        await Simulator.SetDeliveryControlsAsync(shop, retries: new SimWebhookSettings(Retries: 1, RetryBackoffMs: 5, FailureThreshold: 4));
        var product = await Simulator.CreateProductAsync(shop, new SimProduct { Title = "Khaddar shawl" });
        var id = product.GetProperty("id").GetInt64();

        await Simulator.UpdateProductAsync(shop, id, new SimProduct { Title = "Khaddar shawl, grey" });
        await receiver.WaitForAsync(2); // the attempt and its retry
        await Simulator.UpdateProductAsync(shop, id, new SimProduct { Title = "Khaddar shawl, black" });
        await receiver.WaitForAsync(4);

        Assert.True(await Eventually.HoldsAsync(async () => (await Simulator.GetSubscriptionsAsync(shop)).Count == 0, TimeSpan.FromSeconds(5)));
        var deliveries = await Simulator.GetDeliveriesAsync(shop);
        Assert.All(deliveries, d => Assert.Equal([500, 500], d.Attempts.Select(a => a.Status ?? 0)));
        Assert.Contains(deliveries, d => d.SubscriptionDeleted == true);
    }

    [Fact]
    public async Task HeldDeliveries_ReleasedInReverse_ArriveNewestFirst()
    {
        var shop = await NewShopAsync();
        var token = await TokenAsync(shop);
        using var receiver = new WebhookCapture();
        await SubscribeAsync(shop, token, "ORDERS_UPDATED", receiver.Url);
        var seeded = await Simulator.SeedAsync(shop, new SimSeed(Orders: [new SimOrder()]));
        var orderId = seeded.Orders[0].LegacyId;

        await Simulator.SetDeliveryControlsAsync(shop, hold: true);
        foreach (var note in new[] { "first", "second", "third" })
        {
            await Simulator.UpdateOrderAsync(shop, orderId, new SimOrderPatch { Note = note });
        }

        var released = await Simulator.ReleaseDeliveriesAsync(shop, "reverse");
        var deliveries = await receiver.WaitForAsync(3);

        Assert.Equal(3, released);
        Assert.Equal(["third", "second", "first"], deliveries.Select(d => JsonNode.Parse(d.Body)!["note"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AccessTokens_ExpireAfterAnHourOfShopTime_AndUninstall_RevokesThem()
    {
        var shop = await NewShopAsync();
        var expiring = await Simulator.IssueAccessTokenAsync(shop, ReadScopes);
        var second = (await Simulator.IssueAccessTokenAsync(shop, ReadScopes)).AccessToken;
        Assert.Equal(3599, expiring.ExpiresIn);

        await Simulator.AdvanceShopClockAsync(shop, TimeSpan.FromMinutes(61));
        var (afterAnHour, _) = await GraphQlAsync(shop, expiring.AccessToken, "{ shop { id } }");
        var refreshed = await RefreshAsync(shop, expiring.RefreshToken!);
        var (withRefreshed, _) = await GraphQlAsync(shop, refreshed.Body["access_token"]!.GetValue<string>(), "{ shop { id } }");
        await Simulator.UninstallAsync(shop);
        var (afterUninstall, _) = await GraphQlAsync(shop, refreshed.Body["access_token"]!.GetValue<string>(), "{ shop { id } }");
        var refreshAfterUninstall = await RefreshAsync(shop, refreshed.Body["refresh_token"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Unauthorized, afterAnHour);
        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        Assert.Equal(HttpStatusCode.OK, withRefreshed);
        Assert.Equal(HttpStatusCode.Unauthorized, afterUninstall);
        Assert.Equal(HttpStatusCode.BadRequest, refreshAfterUninstall.Status);
        Assert.NotEqual(expiring.AccessToken, second);
    }

    [Fact]
    public async Task BulkQuery_WritesJsonl_WithChildLinesAfterAllParents_LinkedByParentId()
    {
        var shop = await NewShopAsync();
        var token = await TokenAsync(shop);
        var lines = new[] { new SimLineItem(Title: "A", Price: 100m), new SimLineItem(Title: "B", Price: 200m) };
        await Simulator.SeedAsync(shop, new SimSeed(Orders: Enumerable.Range(0, 4).Select(_ => new SimOrder { LineItems = lines }).ToList()));

        var (_, run) = await GraphQlAsync(
            shop,
            token,
            "mutation($q: String!) { bulkOperationRunQuery(query: $q, groupObjects: false) { bulkOperation { id status } userErrors { field message } } }",
            new { q = "{ orders { edges { node { name lineItems { edges { node { id title } } } } } } }" });
        Assert.Empty(run["data"]!["bulkOperationRunQuery"]!["userErrors"]!.AsArray());
        var id = run["data"]!["bulkOperationRunQuery"]!["bulkOperation"]!["id"]!.GetValue<string>();

        JsonNode? operation = null;
        await Eventually.HoldsAsync(
            async () =>
            {
                var (_, polled) = await GraphQlAsync(shop, token, "query($id: ID!) { bulkOperation(id: $id) { status objectCount rootObjectCount url } }", new { id });
                operation = polled["data"]!["bulkOperation"];
                return operation!["status"]!.GetValue<string>() == "COMPLETED";
            },
            TimeSpan.FromSeconds(5));

        Assert.Equal("COMPLETED", operation!["status"]!.GetValue<string>());
        Assert.Equal("12", operation["objectCount"]!.GetValue<string>());
        var jsonl = await _http.GetStringAsync(new Uri(operation["url"]!.GetValue<string>()));
        var objects = jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        var parents = objects.TakeWhile(o => o["__parentId"] is null).ToList();
        var children = objects.Skip(parents.Count).ToList();

        Assert.Equal(4, parents.Count);
        Assert.Equal(8, children.Count);
        Assert.All(children, c => Assert.StartsWith("gid://shopify/Order/", c["__parentId"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Equal(4, children.Select(c => c["__parentId"]!.GetValue<string>()).Distinct(StringComparer.Ordinal).Count());
        Assert.All(parents, p => Assert.Null(p["lineItems"]));
    }

    private async Task<string> NewShopAsync(int? bucketSize = null, int? restoreRate = null)
    {
        var domain = $"sim-{Guid.NewGuid():N}"[..20] + ".myshopify.com";
        await Simulator.CreateShopAsync(domain, bucketSize: bucketSize, restoreRate: restoreRate);
        return domain;
    }

    private async Task SubscribeAsync(string shop, string token, string topic, string uri)
    {
        var (_, body) = await GraphQlAsync(
            shop,
            token,
            "mutation($topic: WebhookSubscriptionTopic!, $uri: String!) { webhookSubscriptionCreate(topic: $topic, webhookSubscription: { uri: $uri }) { userErrors { message } } }",
            new { topic, uri });
        Assert.Empty(body["data"]!["webhookSubscriptionCreate"]!["userErrors"]!.AsArray());
    }

    private async Task<string> TokenAsync(string shop) => (await Simulator.IssueAccessTokenAsync(shop, ReadScopes)).AccessToken;

    private async Task<(HttpStatusCode Status, JsonNode Body)> GraphQlAsync(string shop, string token, string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Simulator.GraphQlUrl(shop)) { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Add("X-Shopify-Access-Token", token);
        using var response = await _http.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private Task<(HttpStatusCode Status, JsonNode Body)> RefreshAsync(string shop, string refreshToken) =>
        TokenRequestAsync(shop, new()
        {
            ["client_id"] = Simulator.ApiKey, ["client_secret"] = Simulator.ApiSecret, ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken,
        });

    private async Task<(HttpStatusCode Status, JsonNode Body)> TokenRequestAsync(string shop, Dictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await _http.PostAsync(Simulator.AccessTokenUrl(shop), content);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
