using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OtpNet;
using SooperSeller.Testing.DevHost;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Accounts;

/// <summary>Optional two-step sign-in for merchant users through the DevHost, codes computed at a fake clock's time.</summary>
public sealed class TwoStepTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private TestDevHost? _devHost;
    private HttpClient? _client;

    private AccountsApi Api => new(_client!);

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
    public async Task TwoStep_SetUpConfirmedThenRequiredAtSignIn_CodesNotReusable_AndTurnedOffWithPasswordAndCode()
    {
        var email = $"owner.{Guid.NewGuid():N}@example.pk";
        var owner = await Api.SignUpAsync(email, "Two Step Textiles");
        var otherSession = await Api.LoginAsync(email);

        using var started = await Api.SendAsync(HttpMethod.Post, "api/me/totp", owner);
        var enrolment = await started.Content.ReadFromJsonAsync<JsonElement>();
        var totp = new Totp(Base32Encoding.ToBytes(enrolment.GetProperty("secret").GetString()!));
        using var beforeConfirm = await LoginAsync(email, code: null);
        using var wrongCode = await Api.SendAsync(HttpMethod.Post, "api/me/totp/confirm", owner, new { code = totp.ComputeTotp(_clock.GetUtcNow().AddMinutes(-10).UtcDateTime) });
        using var confirmed = await Api.SendAsync(HttpMethod.Post, "api/me/totp/confirm", owner, new { code = Code(totp) });
        using var otherAfterConfirm = await Api.SendAsync(HttpMethod.Get, "api/me", otherSession);
        using var startedAgain = await Api.SendAsync(HttpMethod.Post, "api/me/totp", owner);
        _clock.Advance(TimeSpan.FromSeconds(30));
        using var withoutCode = await LoginAsync(email, code: null);
        var code = Code(totp);
        using var withCode = await LoginAsync(email, code);
        using var sameCodeAgain = await LoginAsync(email, code);
        _clock.Advance(TimeSpan.FromSeconds(30));
        using var disableWrongPassword = await Api.SendAsync(HttpMethod.Post, "api/me/totp/disable", owner, new { password = "not the right password", code = Code(totp) });
        using var disabled = await Api.SendAsync(HttpMethod.Post, "api/me/totp/disable", owner, new { password = AccountsApi.Password, code = Code(totp) });
        using var afterDisable = await LoginAsync(email, code: null);

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.StartsWith("otpauth://totp/", enrolment.GetProperty("otpAuthUri").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, beforeConfirm.StatusCode);
        await AssertNamesFieldAsync(wrongCode, "code");
        Assert.Equal(HttpStatusCode.NoContent, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherAfterConfirm.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, startedAgain.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.Equal("totp_required", (await withoutCode.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, sameCodeAgain.StatusCode);
        await AssertNamesFieldAsync(disableWrongPassword, "password");
        Assert.Equal(HttpStatusCode.NoContent, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterDisable.StatusCode);
    }

    [Fact]
    public async Task ConfirmTwoStep_WithoutStarting_Conflicts()
    {
        var owner = await Api.SignUpAsync($"owner.{Guid.NewGuid():N}@example.pk", "Never Started");

        using var confirmed = await Api.SendAsync(HttpMethod.Post, "api/me/totp/confirm", owner, new { code = "123456" });

        Assert.Equal(HttpStatusCode.Conflict, confirmed.StatusCode);
    }

    private string Code(Totp totp) => totp.ComputeTotp(_clock.GetUtcNow().UtcDateTime);

    private Task<HttpResponseMessage> LoginAsync(string email, string? code) =>
        _client!.PostAsJsonAsync("api/auth/login", new { email, password = AccountsApi.Password, totp = code });

    private static async Task AssertNamesFieldAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), $"the problem does not name {field}");
    }
}
