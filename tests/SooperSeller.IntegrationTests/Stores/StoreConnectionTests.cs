using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using SooperSeller.DevHost.Emulators;
using SooperSeller.IntegrationTests.Accounts;
using SooperSeller.Shopify;
using SooperSeller.Testing;
using SooperSeller.Testing.DevHost;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Stores;

/// <summary>
/// Connecting a Shopify store through the DevHost against the Shopify simulator, over real HTTP: OAuth with the
/// simulated merchant's consent, scopes checked, webhook subscriptions and locations set up from the queue,
/// disconnection and re-connection, and every kind of forged or replayed request refused with nothing stored.
/// </summary>
public sealed class StoreConnectionTests(EmulatorsFixture fixture, PrivateAzuriteFixture storage) : IClassFixture<EmulatorsFixture>, IClassFixture<PrivateAzuriteFixture>, IAsyncLifetime
{
    private TestDevHost? _devHost;
    private HttpClient? _client;
    private HttpClient? _noRedirects;

    private ShopifySimulator Shopify => fixture.Emulators.Shopify;

    private AccountsApi Api => new(_client!);

    public async Task InitializeAsync()
    {
        _devHost = await TestDevHost.StartAsync(fixture.Emulators, ownAzurite: storage.Azurite, settings: new Dictionary<string, string?> { ["DevHost:Sandbox"] = "true" }, shopify: true);
        _client = LoopbackClient.Fresh(_devHost.Host.BaseAddress);
        _noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _devHost.Host.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        _noRedirects?.Dispose();
        await _devHost!.DisposeAsync();
    }

    [Fact]
    public async Task Connect_ThroughOAuth_ChecksScopesSetsUpWebhooksAndLocations_ThenDisconnectsAndReconnects()
    {
        var shop = await NewShopAsync(locations: 2);
        var owner = await SignUpAsync();

        using var connect = await Api.SendAsync(HttpMethod.Post, "api/stores/connect", owner, new { shopDomain = shop.ToUpperInvariant() });
        var authorizeUrl = new Uri((await connect.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("authorizeUrl").GetString()!);
        var authorizeQuery = QueryHelpers.ParseQuery(authorizeUrl.Query);
        var callback = await ConsentAsync(authorizeUrl);
        using var completed = await GetAsync(callback, owner);
        var storeId = QueryHelpers.ParseQuery(completed.Headers.Location!.Query)["connected"].ToString();
        var store = await WaitForSyncAsync(owner, storeId);
        var subscriptions = await Shopify.GetSubscriptionsAsync(shop);
        using var replayed = await GetAsync(callback, owner);
        using var auditLog = await Api.SendAsync(HttpMethod.Get, "api/audit-log", owner);

        Assert.Equal(HttpStatusCode.OK, connect.StatusCode);
        Assert.Equal(ShopifySimulator.SandboxApiKey, authorizeQuery["client_id"]);
        Assert.Equal(ShopifyScopes.Required.Order(StringComparer.Ordinal), authorizeQuery["scope"].ToString().Split(',').Order(StringComparer.Ordinal));
        Assert.Equal(new Uri(_devHost!.Host.BaseAddress, "api/shopify/callback"), new Uri(authorizeQuery["redirect_uri"].ToString()));
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        Assert.StartsWith("sto_", storeId, StringComparison.Ordinal);
        Assert.Equal(shop, store.GetProperty("shopDomain").GetString());
        Assert.Equal("connected", store.GetProperty("status").GetString());
        Assert.Equal("PKR", store.GetProperty("currencyCode").GetString());
        Assert.Equal(2, store.GetProperty("locations").GetArrayLength());
        Assert.Equal(9, store.GetProperty("sync").GetProperty("webhookTopics").GetArrayLength());
        Assert.Equal(9, subscriptions.Count);
        Assert.All(subscriptions, s => Assert.Equal(new Uri(_devHost.Host.BaseAddress, "api/webhooks/shopify"), new Uri(s.Uri)));
        await AssertRefusedNamingAsync(replayed, "state");
        Assert.Contains((await auditLog.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "storeConnected" && e.GetProperty("targetId").GetString() == storeId);

        using var disconnected = await Api.SendAsync(HttpMethod.Delete, $"api/stores/{storeId}", owner);
        var afterDisconnect = await StoreAsync(owner, storeId);
        var subscriptionsAfterDisconnect = await Shopify.GetSubscriptionsAsync(shop);
        using var syncDisconnected = await Api.SendAsync(HttpMethod.Post, $"api/stores/{storeId}/sync", owner);

        Assert.Equal(HttpStatusCode.NoContent, disconnected.StatusCode);
        Assert.Equal("disconnected", afterDisconnect.GetProperty("status").GetString());
        Assert.Empty(subscriptionsAfterDisconnect);
        Assert.Equal(HttpStatusCode.Conflict, syncDisconnected.StatusCode);

        using var reconnect = await Api.SendAsync(HttpMethod.Post, "api/stores/connect", owner, new { shopDomain = shop });
        using var reconnected = await GetAsync(await ConsentAsync(new Uri((await reconnect.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("authorizeUrl").GetString()!)), owner);
        var again = await WaitForSyncAsync(owner, storeId, after: store.GetProperty("sync").GetProperty("lastRunAt").GetDateTimeOffset());

        Assert.Equal(HttpStatusCode.Redirect, reconnected.StatusCode);
        Assert.Equal(storeId, QueryHelpers.ParseQuery(reconnected.Headers.Location!.Query)["connected"].ToString());
        Assert.Equal("connected", again.GetProperty("status").GetString());
        Assert.Equal(9, (await Shopify.GetSubscriptionsAsync(shop)).Count);
    }

    [Fact]
    public async Task Install_FromShopify_WithoutSessionGoesToSignIn_WithSessionConnects()
    {
        var shop = await NewShopAsync(locations: 1);
        var owner = await SignUpAsync();
        // The app URL is one for the whole simulator (other tests share it), so it is a fixed placeholder: only the
        // signed query is taken, and sent to this test's DevHost.
        await Shopify.ConfigureAppAsync(new SimAppSettings { AppUrl = "https://sooperseller.invalid/api/shopify/install" });
        var install = await Shopify.GetInstallUrlAsync(shop);

        using var anonymous = await _noRedirects!.GetAsync(new Uri("api/shopify/install" + install.Query, UriKind.Relative));
        using var signedIn = await GetAsync(new Uri(_devHost!.Host.BaseAddress, "api/shopify/install" + install.Query), owner);
        using var completed = await GetAsync(await ConsentAsync(signedIn.Headers.Location!), owner);

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/connect-store", anonymous.Headers.Location!.AbsolutePath);
        Assert.Equal(shop, QueryHelpers.ParseQuery(anonymous.Headers.Location.Query)["shop"].ToString());
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.StartsWith(Shopify.Endpoint.ToString(), signedIn.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        Assert.Equal("connected", (await WaitForSyncAsync(owner, QueryHelpers.ParseQuery(completed.Headers.Location!.Query)["connected"].ToString())).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Reinstall_AfterUninstallOnShopify_ConnectsAgain_AndSyncRecreatesDeletedSubscriptions()
    {
        var shop = await NewShopAsync(locations: 1);
        var owner = await SignUpAsync();
        await Shopify.ConfigureAppAsync(new SimAppSettings { AppUrl = "https://sooperseller.invalid/api/shopify/install" });
        var storeId = await ConnectedStore.ConnectAsync(_client!, Shopify, owner, shop);
        var first = await StoreAsync(owner, storeId);
        await Shopify.UninstallAsync(shop);
        var uninstalled = await Eventually.HoldsAsync(async () => (await StoreAsync(owner, storeId)).GetProperty("status").GetString() == "disconnected", TimeSpan.FromSeconds(30));
        var install = await Shopify.GetInstallUrlAsync(shop);
        using var reinstall = await GetAsync(new Uri(_devHost!.Host.BaseAddress, "api/shopify/install" + install.Query), owner);
        using var reconnected = await GetAsync(await ConsentAsync(reinstall.Headers.Location!), owner);
        var second = await WaitForSyncAsync(owner, storeId, after: first.GetProperty("sync").GetProperty("lastRunAt").GetDateTimeOffset());

        foreach (var subscription in (await Shopify.GetSubscriptionsAsync(shop)).Take(3))
        {
            await DeleteSubscriptionOnShopifyAsync(shop, subscription.Id);
        }

        var beforeSync = (await Shopify.GetSubscriptionsAsync(shop)).Count;
        using var syncNow = await Api.SendAsync(HttpMethod.Post, $"api/stores/{storeId}/sync", owner);
        var repaired = await Eventually.HoldsAsync(async () => (await Shopify.GetSubscriptionsAsync(shop)).Count == 9, TimeSpan.FromSeconds(30));

        Assert.True(uninstalled, "app/uninstalled did not disconnect the store");
        Assert.Equal(HttpStatusCode.Redirect, reconnected.StatusCode);
        Assert.Equal(storeId, QueryHelpers.ParseQuery(reconnected.Headers.Location!.Query)["connected"].ToString());
        Assert.Equal("connected", second.GetProperty("status").GetString());
        Assert.Equal(6, beforeSync);
        Assert.Equal(HttpStatusCode.Accepted, syncNow.StatusCode);
        Assert.True(repaired, "the sync did not re-create the deleted webhook subscriptions");
    }

    [Fact]
    public async Task SignedQueries_ForgedStaleOrForeign_AreRefusedNamingTheParameter()
    {
        var shop = await NewShopAsync(locations: 0);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        using var forged = await _noRedirects!.GetAsync(new Uri($"api/shopify/install?shop={shop}&timestamp={now}&hmac={new string('0', 64)}", UriKind.Relative));
        using var tampered = await _noRedirects.GetAsync(new Uri("api/shopify/install" + Signed(new() { ["shop"] = shop, ["timestamp"] = now.ToString(System.Globalization.CultureInfo.InvariantCulture) }).Replace(shop, "other-" + shop, StringComparison.Ordinal), UriKind.Relative));
        using var stale = await _noRedirects.GetAsync(new Uri("api/shopify/install" + Signed(new() { ["shop"] = shop, ["timestamp"] = (now - 600).ToString(System.Globalization.CultureInfo.InvariantCulture) }), UriKind.Relative));
        using var foreign = await _noRedirects.GetAsync(new Uri("api/shopify/install" + Signed(new() { ["shop"] = "evil.example.com", ["timestamp"] = now.ToString(System.Globalization.CultureInfo.InvariantCulture) }), UriKind.Relative));
        using var lookalike = await _noRedirects.GetAsync(new Uri("api/shopify/install" + Signed(new() { ["shop"] = shop + ".evil.com", ["timestamp"] = now.ToString(System.Globalization.CultureInfo.InvariantCulture) }), UriKind.Relative));
        using var unknownState = await _noRedirects.GetAsync(new Uri("api/shopify/callback" + Signed(new() { ["shop"] = shop, ["timestamp"] = now.ToString(System.Globalization.CultureInfo.InvariantCulture), ["code"] = "made-up", ["state"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_') }), UriKind.Relative));

        await AssertRefusedNamingAsync(forged, "hmac");
        await AssertRefusedNamingAsync(tampered, "hmac");
        await AssertRefusedNamingAsync(stale, "timestamp");
        await AssertRefusedNamingAsync(foreign, "shop");
        await AssertRefusedNamingAsync(lookalike, "shop");
        await AssertRefusedNamingAsync(unknownState, "state");
        Assert.Equal(0, (await Shopify.GetCountersAsync(shop)).TokenExchanges);
    }

    [Fact]
    public async Task Callback_MissingScopesOrAnotherSession_IsRefusedAndNothingIsStored()
    {
        var shop = await NewShopAsync(locations: 1);
        var owner = await SignUpAsync();
        var stranger = await SignUpAsync();

        using (var connect = await Api.SendAsync(HttpMethod.Post, "api/stores/connect", owner, new { shopDomain = shop }))
        {
            var callback = await ConsentAsync(new Uri((await connect.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("authorizeUrl").GetString()!));
            using var otherSession = await GetAsync(callback, stranger);
            await AssertRefusedNamingAsync(otherSession, "state");
        }

        await Shopify.GrantScopesOnNextAuthorizeAsync(shop, ["read_orders", "read_products"]);
        using (var connect = await Api.SendAsync(HttpMethod.Post, "api/stores/connect", owner, new { shopDomain = shop }))
        {
            var callback = await ConsentAsync(new Uri((await connect.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("authorizeUrl").GetString()!));
            using var fewerScopes = await GetAsync(callback, owner);
            await AssertRefusedNamingAsync(fewerScopes, "scope");
        }

        using var stores = await Api.SendAsync(HttpMethod.Get, "api/stores", owner);
        Assert.Equal(0, (await stores.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength());
        Assert.Null(await _devHost!.Services.GetRequiredService<Core.Stores.IShopDirectory>().FindAsync(shop, CancellationToken.None));
        await Assert.ThrowsAsync<Infrastructure.Shopify.ShopifyNotConnectedException>(() => _devHost.Services.GetRequiredService<IShopifyAccessTokens>().GetAsync(ShopDomain.Parse(shop), CancellationToken.None));
        Assert.Empty(await Shopify.GetSubscriptionsAsync(shop));
    }

    [Fact]
    public async Task Connect_AShopAnotherMerchantHolds_Conflicts_AndBadDomainsAreRefusedNamingShopDomain()
    {
        var shop = await NewShopAsync(locations: 0);
        var first = await SignUpAsync();
        var second = await SignUpAsync();
        await ConnectedStore.ConnectAsync(_client!, Shopify, first, shop);

        using var taken = await Api.SendAsync(HttpMethod.Post, "api/stores/connect", second, new { shopDomain = shop });
        using var notShopify = await Api.SendAsync(HttpMethod.Post, "api/stores/connect", second, new { shopDomain = "shop.example.com" });
        using var missing = await Api.SendAsync(HttpMethod.Post, "api/stores/connect", second, new { });

        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.DoesNotContain(first.MerchantId, await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertRefusedNamingAsync(notShopify, "shopDomain");
        await AssertRefusedNamingAsync(missing, "shopDomain");
    }

    private async Task<string> NewShopAsync(int locations)
    {
        var shop = await ConnectedStore.NewShopAsync(Shopify);
        if (locations > 0)
        {
            await Shopify.SeedAsync(shop, new SimSeed(Locations: [.. Enumerable.Range(1, locations).Select(i => new SimLocation($"Warehouse {i}", i == 1 ? "Karachi" : "Lahore"))]));
        }

        return shop;
    }

    private Task<SignedIn> SignUpAsync()
    {
        var email = $"stores.{Guid.NewGuid():N}@example.pk";
        return Api.SignUpAsync(email, "Store Owner " + email[7..13]);
    }

    /// <summary>The simulated merchant approves on Shopify: the answer is a redirect to our callback, which is returned.</summary>
    private async Task<Uri> ConsentAsync(Uri authorizeUrl)
    {
        using var simulator = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var consent = await simulator.GetAsync(authorizeUrl);
        Assert.Equal(HttpStatusCode.Redirect, consent.StatusCode);
        return consent.Headers.Location!;
    }

    private async Task<HttpResponseMessage> GetAsync(Uri url, SignedIn session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", $"{AccountsApi.CookieName}={session.Cookie}");
        return await _noRedirects!.SendAsync(request);
    }

    /// <summary>As Shopify does after repeated failed deliveries: the subscription is gone, through the Admin API with a token of the app's.</summary>
    private async Task DeleteSubscriptionOnShopifyAsync(string shop, string subscriptionId)
    {
        var token = (await Shopify.IssueAccessTokenAsync(shop, ShopifyScopes.Required)).AccessToken;
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Shopify.GraphQlUrl(shop))
        {
            Content = JsonContent.Create(new { query = "mutation($id: ID!) { webhookSubscriptionDelete(id: $id) { deletedWebhookSubscriptionId userErrors { message } } }", variables = new { id = subscriptionId } }),
        };
        request.Headers.Add("X-Shopify-Access-Token", token);
        using var response = await client.SendAsync(request);
        Assert.Contains(subscriptionId, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> StoreAsync(SignedIn owner, string storeId)
    {
        using var stores = await Api.SendAsync(HttpMethod.Get, "api/stores", owner);
        Assert.Equal(HttpStatusCode.OK, stores.StatusCode);
        return (await stores.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().Single(s => s.GetProperty("id").GetString() == storeId);
    }

    /// <summary>The store once its set-up (from the queue) has run, after <paramref name="after"/> if given.</summary>
    private async Task<JsonElement> WaitForSyncAsync(SignedIn owner, string storeId, DateTimeOffset? after = null)
    {
        JsonElement store = default;
        var ran = await Eventually.HoldsAsync(
            async () =>
            {
                store = await StoreAsync(owner, storeId);
                var sync = store.GetProperty("sync");
                return sync.GetProperty("state").GetString() == "ok"
                    && (after is null || sync.GetProperty("lastRunAt").GetDateTimeOffset() > after || sync.GetProperty("webhooksCheckedAt").GetDateTimeOffset() >= after);
            },
            TimeSpan.FromSeconds(30));
        Assert.True(ran, $"the store's set-up did not finish: {store}");
        return store;
    }

    /// <summary>A query signed as Shopify signs it (sorted k=v pairs, HMAC-SHA256 hex with the app secret), built here independently of our verifier.</summary>
    private string Signed(SortedDictionary<string, string> parameters)
    {
        var message = string.Join('&', parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        var hmac = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Shopify.ApiSecret), Encoding.UTF8.GetBytes(message)));
        return "?" + string.Join('&', parameters.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}")) + "&hmac=" + hmac;
    }

    private static async Task AssertRefusedNamingAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400 naming {field}, got {(int)response.StatusCode}: {body}");
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"the problem does not name {field}: {body}");
    }
}
