using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SooperSeller.Testing;
using SooperSeller.Testing.DevHost;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Accounts;

/// <summary>Password reset through the DevHost in sandbox mode: the link comes from /dev/outbox, as a user's inbox would give it.</summary>
public sealed class PasswordResetTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>, IAsyncLifetime
{
    private const string NewPassword = "monsoon rain over clifton beach";
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private TestDevHost? _devHost;
    private HttpClient? _client;

    private HttpClient Client => _client!;

    private AccountsApi Api => new(Client);

    public async Task InitializeAsync()
    {
        _devHost = await TestDevHost.StartAsync(fixture.Emulators, settings: new Dictionary<string, string?> { ["DevHost:Sandbox"] = "true" }, services: s => s.AddSingleton<TimeProvider>(_clock));
        _client = LoopbackClient.Fresh(_devHost.Host.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        await _devHost!.DisposeAsync();
    }

    [Fact]
    public async Task RequestPasswordReset_RegisteredAndUnknownEmail_AnswerIdentically()
    {
        var registered = NewEmail();
        await Api.SignUpAsync(registered, "Reset Retail " + registered[..6]);

        using var known = await Client.PostAsJsonAsync("api/auth/password-reset", new { email = registered });
        using var unknown = await Client.PostAsJsonAsync("api/auth/password-reset", new { email = NewEmail() });

        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ConfirmPasswordReset_LinkFromTheOutbox_WorksOnceAndEndsEverySession()
    {
        var email = NewEmail();
        var first = await Api.SignUpAsync(email, "Reset Retail " + email[..6]);
        var second = await Api.LoginAsync(email);
        using (var request = await Client.PostAsJsonAsync("api/auth/password-reset", new { email }))
        {
            request.EnsureSuccessStatusCode();
        }

        var token = await ResetTokenAsync(email);

        using var confirm = await Client.PostAsJsonAsync("api/auth/password-reset/confirm", new { token, newPassword = NewPassword });
        using var again = await Client.PostAsJsonAsync("api/auth/password-reset/confirm", new { token, newPassword = NewPassword + " again" });
        using var oldSession = await Api.SendAsync(HttpMethod.Get, "api/me", first);
        using var otherOldSession = await Api.SendAsync(HttpMethod.Get, "api/me", second);
        using var oldPassword = await Client.PostAsJsonAsync("api/auth/login", new { email, password = AccountsApi.Password });
        using var newPassword = await Client.PostAsJsonAsync("api/auth/login", new { email, password = NewPassword });

        Assert.Equal(HttpStatusCode.NoContent, confirm.StatusCode);
        await AssertRefusedNamingAsync(again, "token");
        Assert.Equal(HttpStatusCode.Unauthorized, oldSession.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherOldSession.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newPassword.StatusCode);
    }

    [Fact]
    public async Task ConfirmPasswordReset_ThirtyMinutesAfterTheRequest_IsRefusedNamingToken()
    {
        var email = NewEmail();
        await Api.SignUpAsync(email, "Reset Retail " + email[..6]);
        using (var request = await Client.PostAsJsonAsync("api/auth/password-reset", new { email }))
        {
            request.EnsureSuccessStatusCode();
        }

        var token = await ResetTokenAsync(email);
        _clock.Advance(TimeSpan.FromMinutes(30));

        using var confirm = await Client.PostAsJsonAsync("api/auth/password-reset/confirm", new { token, newPassword = NewPassword });
        using var oldPassword = await Client.PostAsJsonAsync("api/auth/login", new { email, password = AccountsApi.Password });

        await AssertRefusedNamingAsync(confirm, "token");
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
    }

    private static string NewEmail() => $"reset.{Guid.NewGuid():N}@example.pk";

    private static async Task AssertRefusedNamingAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors does not name {field}: {problem}");
    }

    private async Task<string> ResetTokenAsync(string email)
    {
        string? token = null;
        var found = await Eventually.HoldsAsync(
            async () =>
            {
                var outbox = await Client.GetFromJsonAsync<JsonElement>("dev/outbox");
                token = outbox.GetProperty("items").EnumerateArray()
                    .Where(item => item.GetProperty("to").GetString() == email)
                    .SelectMany(item => item.GetProperty("links").EnumerateArray().Select(l => new Uri(l.GetString()!)))
                    .Where(link => link.AbsolutePath.EndsWith("/reset-password", StringComparison.Ordinal) && link.Query.StartsWith("?token=", StringComparison.Ordinal))
                    .Select(link => Uri.UnescapeDataString(link.Query["?token=".Length..]))
                    .FirstOrDefault();
                return token is not null;
            },
            TimeSpan.FromSeconds(30));
        return found ? token! : throw new InvalidOperationException("No password reset email reached the outbox.");
    }
}
