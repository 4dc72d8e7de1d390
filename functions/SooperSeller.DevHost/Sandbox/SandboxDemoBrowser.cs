using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SooperSeller.DevHost.Sandbox;

/// <summary>
/// The running DevHost's own HTTP API over loopback, used the way the front end and a browser use it, so the demo
/// merchant goes through exactly what a real merchant goes through (sign-up, verification link, sign-in, Shopify's
/// consent and our OAuth callback). The session cookie is <c>Secure</c>, which HttpClient will not send over
/// http://127.0.0.1, so it is carried by hand in a <c>Cookie</c> header, as the integration tests do.
/// </summary>
internal sealed class SandboxDemoBrowser(Uri baseAddress) : IDisposable
{
    public const string SessionCookie = "__Host-sooperseller-session";

    private readonly HttpClient _http = CreateClient(baseAddress);

    /// <summary>Signs in; null when the credentials are refused (401).</summary>
    public async Task<DemoSession?> TryLoginAsync(string email, string password, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("api/auth/login", new { email, password }, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return null;
        }

        return await SessionOfAsync(response, "sign-in", cancellationToken);
    }

    public async Task RegisterAsync(string name, string email, string password, string businessName, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("api/auth/register", new { name, email, password, businessName }, cancellationToken);
        await EnsureAsync(response, "sign-up", cancellationToken);
    }

    /// <summary>Opens the verification link the newest email to <paramref name="email"/> carries (from <c>/dev/outbox</c>).</summary>
    public async Task VerifyAsync(string email, TimeSpan wait, CancellationToken cancellationToken)
    {
        var token = await VerificationTokenAsync(email, wait, cancellationToken);
        using var response = await _http.PostAsJsonAsync("api/auth/verify", new { token }, cancellationToken);
        await EnsureAsync(response, "verification", cancellationToken);
    }

    public async Task<JsonElement> GetAsync(string path, DemoSession session, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, path, session);
        using var response = await _http.SendAsync(request, cancellationToken);
        await EnsureAsync(response, path, cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    /// <summary>
    /// Connects the shop as a merchant does: our connect call gives Shopify's authorize URL; the (simulated) merchant
    /// approves there, which redirects to our callback; the browser follows it with its session. Returns the store id.
    /// </summary>
    public async Task<string> ConnectStoreAsync(string shopDomain, DemoSession session, CancellationToken cancellationToken)
    {
        using var connect = Request(HttpMethod.Post, "api/stores/connect", session);
        connect.Content = JsonContent.Create(new { shopDomain });
        using var connected = await _http.SendAsync(connect, cancellationToken);
        await EnsureAsync(connected, "connect", cancellationToken);
        var authorizeUrl = new Uri((await connected.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("authorizeUrl").GetString()!);

        using var consent = await _http.GetAsync(authorizeUrl, cancellationToken);
        var callbackUrl = consent.Headers.Location
            ?? throw new InvalidOperationException($"Shopify's consent page answered {(int)consent.StatusCode} without a redirect.");
        using var callback = Request(HttpMethod.Get, callbackUrl.ToString(), session);
        using var completed = await _http.SendAsync(callback, cancellationToken);
        if (completed.StatusCode != HttpStatusCode.Redirect || completed.Headers.Location is not { } location)
        {
            throw new InvalidOperationException($"The OAuth callback answered {(int)completed.StatusCode}: {await completed.Content.ReadAsStringAsync(cancellationToken)}");
        }

        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.IsAbsoluteUri ? location.Query : new Uri(baseAddress, location).Query);
        return query.TryGetValue("connected", out var storeId) && !string.IsNullOrEmpty(storeId)
            ? storeId.ToString()
            : throw new InvalidOperationException("The OAuth callback did not name the connected store.");
    }

    public void Dispose() => _http.Dispose();

    private static HttpClient CreateClient(Uri baseAddress)
    {
        // As a browser on our own front end: same-origin fetches carry Sec-Fetch-Site (checked on anonymous state changes).
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("Sec-Fetch-Site", "same-origin");
        return http;
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, DemoSession session)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", $"{SessionCookie}={session.Cookie}");
        request.Headers.Add("X-CSRF-Token", session.CsrfToken);
        return request;
    }

    private async Task<string> VerificationTokenAsync(string email, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            var outbox = await _http.GetFromJsonAsync<JsonElement>("dev/outbox", cancellationToken);
            var token = outbox.GetProperty("items").EnumerateArray()
                .Where(item => string.Equals(item.GetProperty("to").GetString(), email, StringComparison.OrdinalIgnoreCase))
                .SelectMany(item => item.GetProperty("links").EnumerateArray().Select(link => new Uri(link.GetString()!)))
                .Where(link => link.AbsolutePath.EndsWith("/verify", StringComparison.Ordinal))
                .Select(link => Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query)["token"].ToString())
                .FirstOrDefault(t => t.Length > 0);
            if (token is not null)
            {
                return token;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("No verification email for the demo merchant reached the outbox.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    private static async Task<DemoSession> SessionOfAsync(HttpResponseMessage response, string step, CancellationToken cancellationToken)
    {
        await EnsureAsync(response, step, cancellationToken);
        var csrf = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("csrfToken").GetString()!;
        var cookie = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])
            .Single(c => c.StartsWith(SessionCookie + "=", StringComparison.Ordinal))[(SessionCookie.Length + 1)..];
        return new DemoSession(cookie, csrf);
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string step, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The demo merchant's {step} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}

/// <summary>A signed-in session as a browser holds it: the cookie's token and the CSRF token for state changes.</summary>
internal sealed record DemoSession(string Cookie, string CsrfToken);
