using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SooperSeller.Testing;
using SooperSeller.Testing.DevHost;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Accounts;

/// <summary>Sign-up to sign-out through the DevHost over HTTP, as the browser front end does it.</summary>
public sealed class SignUpFlowTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>, IAsyncLifetime
{
    private const string CookieName = AccountsApi.CookieName;
    private const string Password = AccountsApi.Password;
    private TestDevHost? _devHost;

    private HttpClient Client => _devHost!.Client;

    public async Task InitializeAsync() => _devHost = await TestDevHost.StartAsync(fixture.Emulators, settings: new Dictionary<string, string?> { ["DevHost:Sandbox"] = "true" });

    public async Task DisposeAsync() => await _devHost!.DisposeAsync();

    [Fact]
    public async Task RegisterVerifyMeCsrfLogout_WorksEndToEnd()
    {
        var email = $"ayesha.{Guid.NewGuid():N}@example.pk";

        using var register = await Client.PostAsJsonAsync("api/auth/register", new { name = "Ayesha Khan", email, password = Password, businessName = "Khan Textiles" });
        Assert.Equal(HttpStatusCode.Accepted, register.StatusCode);

        var token = await VerificationTokenAsync(email);
        using var verify = await Client.PostAsJsonAsync("api/auth/verify", new { token });
        Assert.Equal(HttpStatusCode.Created, verify.StatusCode);
        var cookie = SessionCookieOf(verify);
        var csrf = (await verify.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("csrfToken").GetString()!;

        using var me = await SendAsync(HttpMethod.Get, "api/me", cookie);
        var body = await me.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(email, body.GetProperty("user").GetProperty("email").GetString());
        Assert.Equal("Khan Textiles", body.GetProperty("merchant").GetProperty("businessName").GetString());
        Assert.Equal("owner", body.GetProperty("role").GetString());
        Assert.Contains("manageUsers", body.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));

        using var withoutCsrf = await SendAsync(HttpMethod.Post, "api/auth/logout", cookie);
        Assert.Equal(HttpStatusCode.Forbidden, withoutCsrf.StatusCode);

        using var logout = await SendAsync(HttpMethod.Post, "api/auth/logout", cookie, csrf);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);

        using var after = await SendAsync(HttpMethod.Get, "api/me", cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("application/problem+json", after.Content.Headers.ContentType?.MediaType);

        using var login = await Client.PostAsJsonAsync("api/auth/login", new { email = "  " + email.ToUpperInvariant() + " ", password = Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.NotEqual(cookie, SessionCookieOf(login));
    }

    [Fact]
    public async Task SessionCookie_HasTheContractsAttributes()
    {
        var email = $"bilal.{Guid.NewGuid():N}@example.pk";
        using var register = await Client.PostAsJsonAsync("api/auth/register", new { name = "Bilal", email, password = Password, businessName = "Bilal Mobiles" });

        using var verify = await Client.PostAsJsonAsync("api/auth/verify", new { token = await VerificationTokenAsync(email) });

        var setCookie = verify.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(CookieName + "=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", setCookie, StringComparison.Ordinal);
        Assert.Contains("httponly", setCookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", setCookie, StringComparison.Ordinal);
        Assert.Contains("path=/", setCookie, StringComparison.Ordinal);
        Assert.DoesNotContain("domain=", setCookie, StringComparison.Ordinal);
        Assert.DoesNotContain("expires=", setCookie, StringComparison.Ordinal);
        Assert.DoesNotContain("max-age=", setCookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerificationToken_WorksOnce()
    {
        var email = $"sana.{Guid.NewGuid():N}@example.pk";
        using var register = await Client.PostAsJsonAsync("api/auth/register", new { name = "Sana", email, password = Password, businessName = "Sana Crafts" });
        var token = await VerificationTokenAsync(email);

        using var first = await Client.PostAsJsonAsync("api/auth/verify", new { token });
        using var second = await Client.PostAsJsonAsync("api/auth/verify", new { token });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
    }

    [Fact]
    public async Task RegisterAndLogin_AnswerAlikeForRegisteredAndUnknownEmails()
    {
        var registered = $"zara.{Guid.NewGuid():N}@example.pk";
        using (await Client.PostAsJsonAsync("api/auth/register", new { name = "Zara", email = registered, password = Password, businessName = "Zara Shoes" }))
        {
        }

        using (await Client.PostAsJsonAsync("api/auth/verify", new { token = await VerificationTokenAsync(registered) }))
        {
        }

        var unknown = $"nobody.{Guid.NewGuid():N}@example.pk";

        using var registerAgain = await Client.PostAsJsonAsync("api/auth/register", new { name = "Zara", email = registered, password = Password, businessName = "Zara Shoes" });
        using var registerNew = await Client.PostAsJsonAsync("api/auth/register", new { name = "Zara", email = unknown, password = Password, businessName = "Zara Shoes" });
        using var wrongPassword = await Client.PostAsJsonAsync("api/auth/login", new { email = registered, password = "not the password at all" });
        using var unknownEmail = await Client.PostAsJsonAsync("api/auth/login", new { email = unknown, password = "not the password at all" });

        Assert.Equal(registerNew.StatusCode, registerAgain.StatusCode);
        Assert.Equal(await registerNew.Content.ReadAsStringAsync(), await registerAgain.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownEmail.StatusCode);
        Assert.Equal(Detail(await wrongPassword.Content.ReadAsStringAsync()), Detail(await unknownEmail.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("""{"name":"A","email":"not-an-email","password":"chai and samosa at five","businessName":"B"}""", "email")]
    [InlineData("""{"name":"","email":"a@example.pk","password":"chai and samosa at five","businessName":"B"}""", "name")]
    [InlineData("""{"name":"A","email":"a@example.pk","password":"short","businessName":"B"}""", "password")]
    [InlineData("""{"name":"A","email":"a@example.pk","password":"chai and samosa at five"}""", "businessName")]
    [InlineData("""{"name":42,"email":"a@example.pk","password":"chai and samosa at five","businessName":"B"}""", "name")]
    [InlineData("""{"name":"A",""", "$")]
    [InlineData("""{"name":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA","email":"a@example.pk","password":"chai and samosa at five","businessName":"B"}""", "name")]
    public async Task Register_BadInput_Is400NamingTheField(string json, string field)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        using var response = await Client.PostAsync(new Uri("api/auth/register", UriKind.Relative), content);

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}: {body}");
    }

    [Fact]
    public async Task Register_BodyOverTheRoutesLimit_Is413AndCreatesNothing()
    {
        var email = $"huge.{Guid.NewGuid():N}@example.pk";
        var json = JsonSerializer.Serialize(new { name = new string('x', 70_000), email, password = Password, businessName = "B" });
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        using var response = await Client.PostAsync(new Uri("api/auth/register", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var outbox = await Client.GetFromJsonAsync<JsonElement>("dev/outbox");
        Assert.DoesNotContain(outbox.GetProperty("items").EnumerateArray(), item => item.GetProperty("to").GetString() == email);
    }

    [Theory]
    [InlineData("http://localhost:5173", true)]
    [InlineData("https://evil.example", false)]
    public async Task CorsPreflight_AllowsOnlyTheFrontEndsOriginsWithCredentials(string origin, bool allowed)
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "api/auth/login");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type,x-csrf-token");

        using var response = await Client.SendAsync(preflight);

        var allowOrigin = response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
        Assert.Equal(allowed ? origin : null, allowOrigin);
        if (allowed)
        {
            Assert.Equal("true", response.Headers.GetValues("Access-Control-Allow-Credentials").Single());
        }
    }

    [Fact]
    public async Task Register_CrossSite_IsRefused()
    {
        using var crossSite = TestDevHost.CreateClient(_devHost!.Host.BaseAddress);
        crossSite.DefaultRequestHeaders.Add("Sec-Fetch-Site", "cross-site");
        crossSite.DefaultRequestHeaders.Add("Origin", "https://evil.example");

        using var response = await crossSite.PostAsJsonAsync("api/auth/register", new { name = "A", email = "a@example.pk", password = Password, businessName = "B" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static string? Detail(string problemJson) => JsonDocument.Parse(problemJson).RootElement.GetProperty("detail").GetString();

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string cookie, string? csrf = null) =>
        new AccountsApi(Client).SendAsync(method, path, new SignedIn(cookie, csrf ?? string.Empty, string.Empty, string.Empty), withCsrf: csrf is not null);

    private static string SessionCookieOf(HttpResponseMessage response) => AccountsApi.SessionCookieOf(response);

    private Task<string> VerificationTokenAsync(string email) => new AccountsApi(Client).VerificationTokenAsync(email);
}
