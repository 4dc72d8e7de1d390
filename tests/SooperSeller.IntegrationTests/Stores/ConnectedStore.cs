using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using SooperSeller.DevHost.Emulators;
using SooperSeller.IntegrationTests.Accounts;
using SooperSeller.Testing;

namespace SooperSeller.IntegrationTests.Stores;

/// <summary>
/// Connects a simulator shop to a merchant the way a merchant does (connect, approve on "Shopify", follow the
/// callback) and waits for its set-up, for tests that need a connected store to work with.
/// </summary>
public static class ConnectedStore
{
    public static async Task<string> NewShopAsync(ShopifySimulator shopify, string prefix = "t")
    {
        ArgumentNullException.ThrowIfNull(shopify);
        var shop = $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)] + ".myshopify.com";
        await shopify.CreateShopAsync(shop, "Test Shop " + shop[..8]);
        return shop;
    }

    /// <returns>The store id, once its set-up (webhook subscriptions included) has run.</returns>
    public static async Task<string> ConnectAsync(HttpClient devHost, ShopifySimulator shopify, SignedIn owner, string shop)
    {
        ArgumentNullException.ThrowIfNull(devHost);
        ArgumentNullException.ThrowIfNull(owner);
        var api = new AccountsApi(devHost);
        using var connect = await api.SendAsync(HttpMethod.Post, "api/stores/connect", owner, new { shopDomain = shop });
        connect.EnsureSuccessStatusCode();
        var authorizeUrl = new Uri((await connect.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("authorizeUrl").GetString()!);
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = devHost.BaseAddress };
        using var consent = await noRedirects.GetAsync(authorizeUrl);
        using var callback = new HttpRequestMessage(HttpMethod.Get, consent.Headers.Location);
        callback.Headers.Add("Cookie", $"{AccountsApi.CookieName}={owner.Cookie}");
        using var completed = await noRedirects.SendAsync(callback);
        if (completed.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Connecting {shop} failed: {(int)completed.StatusCode} {await completed.Content.ReadAsStringAsync()}");
        }

        var storeId = QueryHelpers.ParseQuery(completed.Headers.Location!.Query)["connected"].ToString();
        var ready = await Eventually.HoldsAsync(
            async () =>
            {
                using var sync = await api.SendAsync(HttpMethod.Get, $"api/stores/{storeId}/sync", owner);
                return (await sync.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString() == "ok";
            },
            TimeSpan.FromSeconds(30));
        return ready ? storeId : throw new InvalidOperationException($"The set-up of {shop} did not finish.");
    }
}
