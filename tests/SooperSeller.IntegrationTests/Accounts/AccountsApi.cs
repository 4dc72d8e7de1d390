using System.Net.Http.Json;
using System.Text.Json;
using SooperSeller.Testing;

namespace SooperSeller.IntegrationTests.Accounts;

/// <summary>Signs merchants up and in through the API, as the front end does (for tests that need accounts).</summary>
public sealed class AccountsApi(HttpClient client)
{
    public const string CookieName = "__Host-sooperseller-session";
    public const string Password = "chai and samosa at five";

    /// <summary>Registers, follows the verification link from /dev/outbox (the DevHost must run in sandbox mode), verifies.</summary>
    public async Task<SignedIn> SignUpAsync(string email, string businessName)
    {
        using (var register = await client.PostAsJsonAsync("api/auth/register", new { name = "Owner of " + businessName, email, password = Password, businessName }))
        {
            register.EnsureSuccessStatusCode();
        }

        using var verify = await client.PostAsJsonAsync("api/auth/verify", new { token = await VerificationTokenAsync(email) });
        verify.EnsureSuccessStatusCode();
        var signedIn = await SignedInAsync(verify);
        using var me = await SendAsync(HttpMethod.Get, "api/me", signedIn);
        var body = await me.Content.ReadFromJsonAsync<JsonElement>();
        using var sessions = await SendAsync(HttpMethod.Get, "api/me/sessions", signedIn);
        var sessionId = (await sessions.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().Single(s => s.GetProperty("current").GetBoolean()).GetProperty("id").GetString()!;
        return signedIn with { MerchantId = body.GetProperty("merchant").GetProperty("id").GetString()!, UserId = body.GetProperty("user").GetProperty("id").GetString()!, SessionId = sessionId };
    }

    public async Task<SignedIn> LoginAsync(string email)
    {
        using var login = await client.PostAsJsonAsync("api/auth/login", new { email, password = Password });
        login.EnsureSuccessStatusCode();
        return await SignedInAsync(login);
    }

    /// <summary>Sends with the session cookie set by hand (HttpClient will not send a Secure cookie over http://127.0.0.1).</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, SignedIn? session, object? body = null, bool withCsrf = true)
    {
        using var request = new HttpRequestMessage(method, path);
        if (session is not null)
        {
            request.Headers.Add("Cookie", $"{CookieName}={session.Cookie}");
            if (withCsrf)
            {
                request.Headers.Add("X-CSRF-Token", session.CsrfToken);
            }
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await client.SendAsync(request);
    }

    /// <summary>The session token a sign-in's Set-Cookie carries.</summary>
    public static string SessionCookieOf(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(CookieName + "=", StringComparison.Ordinal))[(CookieName.Length + 1)..];

    /// <summary>The token of the verification link sent to <paramref name="email"/>, read from /dev/outbox.</summary>
    public async Task<string> VerificationTokenAsync(string email)
    {
        string? token = null;
        var found = await Eventually.HoldsAsync(
            async () =>
            {
                var outbox = await client.GetFromJsonAsync<JsonElement>("dev/outbox");
                token = outbox.GetProperty("items").EnumerateArray()
                    .Where(item => item.GetProperty("to").GetString() == email)
                    .SelectMany(item => item.GetProperty("links").EnumerateArray().Select(l => new Uri(l.GetString()!)))
                    .Where(link => link.AbsolutePath.EndsWith("/verify", StringComparison.Ordinal))
                    .Select(link => Uri.UnescapeDataString(link.Query["?token=".Length..]))
                    .FirstOrDefault();
                return token is not null;
            },
            TimeSpan.FromSeconds(30));
        return found ? token! : throw new InvalidOperationException("No verification email reached the outbox.");
    }

    private static async Task<SignedIn> SignedInAsync(HttpResponseMessage response)
    {
        var csrf = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("csrfToken").GetString()!;
        return new SignedIn(SessionCookieOf(response), csrf, string.Empty, string.Empty);
    }
}

/// <summary>A signed-in session as tests hold it; <see cref="SessionId"/> (the listed id, not the token) is filled in by sign-up only.</summary>
public sealed record SignedIn(string Cookie, string CsrfToken, string MerchantId, string UserId, string SessionId = "");
