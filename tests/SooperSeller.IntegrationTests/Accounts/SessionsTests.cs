using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SooperSeller.Testing.DevHost;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Accounts;

/// <summary>A user's own sessions through the DevHost: password change, listing, revoking one or all others.</summary>
public sealed class SessionsTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>, IAsyncLifetime
{
    private const string NewPassword = "monsoon rain over clifton beach";
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
    public async Task ChangePassword_RightCurrentPassword_EndsTheOtherSessionsButNotTheCurrent()
    {
        var (email, other) = await SignUpAsync();
        var current = await Api.LoginAsync(email);

        using var change = await Api.SendAsync(HttpMethod.Post, "api/me/password", current, new { currentPassword = AccountsApi.Password, newPassword = NewPassword });
        using var currentMe = await Api.SendAsync(HttpMethod.Get, "api/me", current);
        using var otherMe = await Api.SendAsync(HttpMethod.Get, "api/me", other);
        using var login = await Client.PostAsJsonAsync("api/auth/login", new { email, password = NewPassword });

        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, currentMe.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherMe.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_Is400NamingCurrentPasswordAndKeepsTheSession()
    {
        var (_, session) = await SignUpAsync();

        using var change = await Api.SendAsync(HttpMethod.Post, "api/me/password", session, new { currentPassword = "not the right password", newPassword = NewPassword });
        using var me = await Api.SendAsync(HttpMethod.Get, "api/me", session);

        Assert.Equal(HttpStatusCode.BadRequest, change.StatusCode);
        Assert.True((await change.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("currentPassword", out _));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task ListSessions_TwoSessions_ListsBothAndMarksOnlyTheCallersCurrent()
    {
        var (email, first) = await SignUpAsync();
        var second = await Api.LoginAsync(email);

        var items = await ListAsync(second);

        Assert.Equal(2, items.Count);
        var current = Assert.Single(items, i => i.GetProperty("current").GetBoolean());
        Assert.NotEqual(first.SessionId, current.GetProperty("id").GetString());
        Assert.Contains(items, i => i.GetProperty("id").GetString() == first.SessionId && !i.GetProperty("current").GetBoolean());
    }

    [Fact]
    public async Task RevokeSession_AnotherSessionOfTheCaller_EndsOnlyThatOne()
    {
        var (email, first) = await SignUpAsync();
        var second = await Api.LoginAsync(email);

        using var revoke = await Api.SendAsync(HttpMethod.Delete, $"api/me/sessions/{first.SessionId}", second);
        using var again = await Api.SendAsync(HttpMethod.Delete, $"api/me/sessions/{first.SessionId}", second);
        using var firstMe = await Api.SendAsync(HttpMethod.Get, "api/me", first);
        using var secondMe = await Api.SendAsync(HttpMethod.Get, "api/me", second);

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, firstMe.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondMe.StatusCode);
    }

    [Fact]
    public async Task RevokeOtherSessions_ThreeSessions_LeavesOnlyTheCurrent()
    {
        var (email, first) = await SignUpAsync();
        var second = await Api.LoginAsync(email);
        var current = await Api.LoginAsync(email);

        using var revoke = await Api.SendAsync(HttpMethod.Delete, "api/me/sessions", current);
        var items = await ListAsync(current);
        using var firstMe = await Api.SendAsync(HttpMethod.Get, "api/me", first);
        using var secondMe = await Api.SendAsync(HttpMethod.Get, "api/me", second);

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.True(Assert.Single(items).GetProperty("current").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, firstMe.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, secondMe.StatusCode);
    }

    private async Task<(string Email, SignedIn Session)> SignUpAsync()
    {
        var email = $"sessions.{Guid.NewGuid():N}@example.pk";
        return (email, await Api.SignUpAsync(email, "Session Stores " + email[9..15]));
    }

    private async Task<List<JsonElement>> ListAsync(SignedIn session)
    {
        using var list = await Api.SendAsync(HttpMethod.Get, "api/me/sessions", session);
        list.EnsureSuccessStatusCode();
        var body = await list.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, body.GetProperty("nextCursor").ValueKind);
        return [.. body.GetProperty("items").EnumerateArray()];
    }
}
