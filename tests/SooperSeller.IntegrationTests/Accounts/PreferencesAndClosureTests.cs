using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Closure;
using SooperSeller.Core.Tenancy;
using SooperSeller.Testing.DevHost;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Accounts;

/// <summary>Preferences and account closure through the DevHost.</summary>
public sealed class PreferencesAndClosureTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>, IAsyncLifetime
{
    private TestDevHost? _devHost;
    private HttpClient? _client;

    private HttpClient Client => _client!;

    private AccountsApi Api => new(Client);

    public async Task InitializeAsync()
    {
        _devHost = await TestDevHost.StartAsync(fixture.Emulators, settings: new Dictionary<string, string?> { ["DevHost:Sandbox"] = "true" });
        _client = LoopbackClient.Fresh(_devHost.Host.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        await _devHost!.DisposeAsync();
    }

    [Fact]
    public async Task GetPreferences_NoneSaved_AnswersTheDefaults()
    {
        var (_, session) = await SignUpAsync();

        using var get = await Api.SendAsync(HttpMethod.Get, "api/me/preferences", session);

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var body = await get.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Asia/Karachi", body.GetProperty("timeZone").GetString());
        Assert.Equal("en", body.GetProperty("language").GetString());
        Assert.True(body.GetProperty("notifications").GetProperty("email").GetProperty("weeklySummary").GetBoolean());
    }

    [Fact]
    public async Task UpdatePreferences_ValidValues_AreStoredAndReadBack()
    {
        var (_, session) = await SignUpAsync();

        using var put = await Api.SendAsync(HttpMethod.Put, "api/me/preferences", session, Preferences("Asia/Dubai", "ur"));
        using var get = await Api.SendAsync(HttpMethod.Get, "api/me/preferences", session);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var body = await get.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Asia/Dubai", body.GetProperty("timeZone").GetString());
        Assert.Equal("ur", body.GetProperty("language").GetString());
        Assert.False(body.GetProperty("notifications").GetProperty("email").GetProperty("orderBooked").GetBoolean());
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons", "en", "timeZone")]
    [InlineData("Asia/Karachi", "fr", "language")]
    public async Task UpdatePreferences_BadValue_Is400NamingTheField(string timeZone, string language, string field)
    {
        var (_, session) = await SignUpAsync();

        using var put = await Api.SendAsync(HttpMethod.Put, "api/me/preferences", session, Preferences(timeZone, language));

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.True((await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task UpdatePreferences_MissingEmailChoice_Is400NamingIt()
    {
        var (_, session) = await SignUpAsync();

        using var put = await Api.SendAsync(HttpMethod.Put, "api/me/preferences", session, new { timeZone = "Asia/Karachi", language = "en", notifications = new { email = new { orderBooked = true, codRemitted = true } } });

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.True((await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("notifications.email.weeklySummary", out _));
    }

    [Fact]
    public async Task CloseAccount_Owner_Answers202AndEndsEverySessionAndRefusesSignIn()
    {
        var (email, first) = await SignUpAsync();
        var second = await Api.LoginAsync(email);

        using var close = await Api.SendAsync(HttpMethod.Post, "api/account/close", first);
        using var firstMe = await Api.SendAsync(HttpMethod.Get, "api/me", first);
        using var secondMe = await Api.SendAsync(HttpMethod.Get, "api/me", second);
        using var login = await Client.PostAsJsonAsync("api/auth/login", new { email, password = AccountsApi.Password });

        Assert.Equal(HttpStatusCode.Accepted, close.StatusCode);
        var body = await close.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(TimeSpan.FromDays(30), body.GetProperty("deleteAfter").GetDateTimeOffset() - body.GetProperty("closureRequestedAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.Unauthorized, firstMe.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, secondMe.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, login.StatusCode);
        Assert.Contains("closed", await login.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CloseAccount_Repeated_KeepsTheFirstDates()
    {
        var (_, session) = await SignUpAsync();
        using var close = await Api.SendAsync(HttpMethod.Post, "api/account/close", session);
        var first = await close.Content.ReadFromJsonAsync<JsonElement>();

        // The first close ended every session, so a repeat can only come from a request racing it: run the handler again.
        var again = await _devHost!.Services.GetRequiredService<CloseAccountHandler>().HandleAsync(MerchantId.Parse(session.MerchantId), CancellationToken.None);

        Assert.Equal(first.GetProperty("closureRequestedAt").GetDateTimeOffset(), again.ClosureRequestedAt);
        Assert.Equal(first.GetProperty("deleteAfter").GetDateTimeOffset(), again.DeleteAfter);
        Assert.True((await _devHost.Services.GetRequiredService<IMerchantDirectory>().GetMerchantAsync(MerchantId.Parse(session.MerchantId), CancellationToken.None))!.IsClosed);
    }

    [Fact]
    public async Task CloseAccount_WithoutCsrfToken_Is403AndKeepsTheAccount()
    {
        var (_, session) = await SignUpAsync();

        using var close = await Api.SendAsync(HttpMethod.Post, "api/account/close", session, withCsrf: false);
        using var me = await Api.SendAsync(HttpMethod.Get, "api/me", session);

        Assert.Equal(HttpStatusCode.Forbidden, close.StatusCode);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    private static object Preferences(string timeZone, string language) =>
        new { timeZone, language, notifications = new { email = new { orderBooked = false, codRemitted = true, weeklySummary = true } } };

    private async Task<(string Email, SignedIn Session)> SignUpAsync()
    {
        var email = $"prefs.{Guid.NewGuid():N}@example.pk";
        return (email, await Api.SignUpAsync(email, "Closing Traders " + email[6..12]));
    }
}
