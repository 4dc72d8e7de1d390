using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OtpNet;
using SooperSeller.Core.Staff;
using SooperSeller.Testing.DevHost;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Accounts;

/// <summary>
/// Platform staff sign-in through the DevHost: password and TOTP, under the staff cookie. The account is made by the
/// handler the <c>create-staff</c> command runs; codes come from the otpauth URI it prints, at a fake clock's time.
/// </summary>
public sealed class StaffSignInTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>, IAsyncLifetime
{
    private const string StaffCookie = "__Host-sooperseller-staff";
    private const string Password = "support desk at the bazaar";
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private TestDevHost? _devHost;

    private TestDevHost DevHost => _devHost!;

    public async Task InitializeAsync() =>
        _devHost = await TestDevHost.StartAsync(fixture.Emulators, settings: new Dictionary<string, string?> { ["DevHost:Sandbox"] = "true" }, services: s => s.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _devHost!.DisposeAsync();

    [Fact]
    public async Task StaffLogin_WithCurrentCode_Returns200AndStaffCookieThatSignsOutWithCsrf()
    {
        var (email, totp) = await CreateStaffAsync();

        using var login = await LoginAsync(email, Password, totp.ComputeTotp(_clock.GetUtcNow().UtcDateTime));
        var cookie = login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(StaffCookie + "=", StringComparison.Ordinal));
        var csrf = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("csrfToken").GetString()!;
        using var withoutCsrf = await SendAsync(HttpMethod.Post, "api/staff/logout", cookie, csrf: null);
        using var logout = await SendAsync(HttpMethod.Post, "api/staff/logout", cookie, csrf);
        using var afterLogout = await SendAsync(HttpMethod.Post, "api/staff/logout", cookie, csrf);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withoutCsrf.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterLogout.StatusCode);
    }

    [Fact]
    public async Task CreateStaffCommand_PasswordOnStdin_PrintsOtpAuthUriThatSignsIn()
    {
        var email = $"staff.{Guid.NewGuid():N}@sooperseller.pk";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = fixture.Emulators.Azurite.ConnectionString,
            ["Secrets:LocalDirectory"] = Path.Combine(Path.GetTempPath(), "sooperseller-tests", DevHost.Database, "secrets"),
        }).Build();
        using var output = new StringWriter();

        var exitCode = await SooperSeller.DevHost.Hosting.StaffBootstrap.MainAsync(["create-staff", email], configuration, new StringReader(Password + "\n"), output, CancellationToken.None);
        var uri = output.ToString().Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("otpauth://", StringComparison.Ordinal));
        using var login = await LoginAsync(email, Password, TotpOf(uri).ComputeTotp(_clock.GetUtcNow().UtcDateTime));

        Assert.Equal(0, exitCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task StaffLogin_WrongOrMissingCode_Returns401()
    {
        var (email, totp) = await CreateStaffAsync();
        var current = totp.ComputeTotp(_clock.GetUtcNow().UtcDateTime);
        var wrong = ((int.Parse(current, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

        using var wrongCode = await LoginAsync(email, Password, wrong);
        using var missingCode = await LoginAsync(email, Password, null);
        using var staleCode = await LoginAsync(email, Password, totp.ComputeTotp(_clock.GetUtcNow().UtcDateTime.AddMinutes(-2)));
        using var wrongPassword = await LoginAsync(email, "not the staff password at all", current);

        Assert.Equal(HttpStatusCode.Unauthorized, wrongCode.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missingCode.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, staleCode.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
    }

    [Fact]
    public async Task StaffLogin_SameCodeTwice_SecondIs401()
    {
        var (email, totp) = await CreateStaffAsync();
        var code = totp.ComputeTotp(_clock.GetUtcNow().UtcDateTime);

        using var first = await LoginAsync(email, Password, code);
        _clock.Advance(TimeSpan.FromSeconds(5));
        using var again = await LoginAsync(email, Password, code);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }

    [Fact]
    public async Task StaffLogout_MerchantSessionCookieOnly_Returns401()
    {
        var merchant = await new AccountsApi(DevHost.Client).SignUpAsync($"m.{Guid.NewGuid():N}@example.pk", "Staffless Stores");

        using var response = await new AccountsApi(DevHost.Client).SendAsync(HttpMethod.Post, "api/staff/logout", merchant);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AccessGrant_RequestedApprovedByOwnerUsedThenExpired_MerchantSeesStaffReadInAccessLog()
    {
        var api = new AccountsApi(DevHost.Client);
        var owner = await api.SignUpAsync($"o.{Guid.NewGuid():N}@example.pk", "Granted Goods");
        var staff = await SignInStaffAsync();

        using var requested = await SendAsync(HttpMethod.Post, "api/staff/grants", staff.Cookie, staff.Csrf, new { merchantId = owner.MerchantId, reason = "Courier booking fails for this shop", hours = 2 });
        var grantId = (await requested.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var beforeApproval = await SendAsync(HttpMethod.Get, $"api/staff/merchants/{owner.MerchantId}/profile", staff.Cookie, csrf: null);
        using var selfApproval = await SendAsync(HttpMethod.Post, $"api/staff/grants/{grantId}/approve", staff.Cookie, staff.Csrf);
        using var listed = await api.SendAsync(HttpMethod.Get, "api/access-grants", owner);
        using var approved = await api.SendAsync(HttpMethod.Post, $"api/access-grants/{grantId}/approve", owner);
        using var underGrant = await SendAsync(HttpMethod.Get, $"api/staff/merchants/{owner.MerchantId}/profile", staff.Cookie, csrf: null);
        using var accessLog = await api.SendAsync(HttpMethod.Get, "api/access-log", owner);
        var entries = (await accessLog.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
        _clock.Advance(TimeSpan.FromHours(2));
        var later = await SignInStaffAsync(staff.Email, staff.Totp);
        using var afterExpiry = await SendAsync(HttpMethod.Get, $"api/staff/merchants/{owner.MerchantId}/profile", later.Cookie, csrf: null);

        Assert.Equal(HttpStatusCode.Created, requested.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, beforeApproval.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, selfApproval.StatusCode);
        Assert.Equal("requested", (await listed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items")[0].GetProperty("state").GetString());
        Assert.Equal("active", (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.OK, underGrant.StatusCode);
        Assert.Equal("Granted Goods", (await underGrant.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("businessName").GetString());
        Assert.Contains(entries, e => e.GetProperty("actor").GetProperty("kind").GetString() == "staff" && e.GetProperty("purpose").GetString() == "staffSupport");
        Assert.Equal(HttpStatusCode.Forbidden, afterExpiry.StatusCode);
    }

    [Fact]
    public async Task AccessGrant_ApprovedBySecondStaffMember_IsActiveAndOwnerDenyOfDecidedIs409()
    {
        var api = new AccountsApi(DevHost.Client);
        var owner = await api.SignUpAsync($"o.{Guid.NewGuid():N}@example.pk", "Emergency Emporium");
        var requester = await SignInStaffAsync();
        var second = await SignInStaffAsync();

        using var requested = await SendAsync(HttpMethod.Post, "api/staff/grants", requester.Cookie, requester.Csrf, new { merchantId = owner.MerchantId, reason = "Outage: orders stuck for every courier", hours = 1 });
        var grantId = (await requested.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var approved = await SendAsync(HttpMethod.Post, $"api/staff/grants/{grantId}/approve", second.Cookie, second.Csrf);
        using var denied = await api.SendAsync(HttpMethod.Post, $"api/access-grants/{grantId}/deny", owner);
        using var underGrant = await SendAsync(HttpMethod.Get, $"api/staff/merchants/{owner.MerchantId}/profile", requester.Cookie, csrf: null);
        using var secondReads = await SendAsync(HttpMethod.Get, $"api/staff/merchants/{owner.MerchantId}/profile", second.Cookie, csrf: null);

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, denied.StatusCode);
        Assert.Equal(HttpStatusCode.OK, underGrant.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, secondReads.StatusCode);
    }

    [Fact]
    public async Task AccessGrant_RevokedByOwner_IsRefusedAtOnceAndCannotBeRevokedTwice()
    {
        var api = new AccountsApi(DevHost.Client);
        var owner = await api.SignUpAsync($"o.{Guid.NewGuid():N}@example.pk", "Revoking Rugs");
        var staff = await SignInStaffAsync();

        using var requested = await SendAsync(HttpMethod.Post, "api/staff/grants", staff.Cookie, staff.Csrf, new { merchantId = owner.MerchantId, reason = "Stock counts look wrong after import", hours = 8 });
        var grantId = (await requested.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var revokeRequested = await api.SendAsync(HttpMethod.Post, $"api/access-grants/{grantId}/revoke", owner);
        using var approved = await api.SendAsync(HttpMethod.Post, $"api/access-grants/{grantId}/approve", owner);
        using var underGrant = await SendAsync(HttpMethod.Get, $"api/staff/merchants/{owner.MerchantId}/profile", staff.Cookie, csrf: null);
        _clock.Advance(TimeSpan.FromMinutes(5));
        using var revoked = await api.SendAsync(HttpMethod.Post, $"api/access-grants/{grantId}/revoke", owner);
        using var afterRevoke = await SendAsync(HttpMethod.Get, $"api/staff/merchants/{owner.MerchantId}/profile", staff.Cookie, csrf: null);
        using var revokedAgain = await api.SendAsync(HttpMethod.Post, $"api/access-grants/{grantId}/revoke", owner);
        using var auditLog = await api.SendAsync(HttpMethod.Get, "api/audit-log", owner);
        var view = await revoked.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Conflict, revokeRequested.StatusCode);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, underGrant.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("revoked", view.GetProperty("state").GetString());
        Assert.Equal(_clock.GetUtcNow(), view.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.Forbidden, afterRevoke.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, revokedAgain.StatusCode);
        Assert.Contains((await auditLog.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "staffAccessRevoked" && e.GetProperty("targetId").GetString() == grantId);
    }

    private async Task<StaffSession> SignInStaffAsync(string? email = null, Totp? totp = null)
    {
        if (email is null || totp is null)
        {
            (email, totp) = await CreateStaffAsync();
        }

        using var login = await LoginAsync(email, Password, totp.ComputeTotp(_clock.GetUtcNow().UtcDateTime));
        login.EnsureSuccessStatusCode();
        var cookie = login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(StaffCookie + "=", StringComparison.Ordinal));
        return new StaffSession(email, totp, cookie, (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("csrfToken").GetString()!);
    }

    private sealed record StaffSession(string Email, Totp Totp, string Cookie, string Csrf);

    private async Task<(string Email, Totp Totp)> CreateStaffAsync()
    {
        var email = $"staff.{Guid.NewGuid():N}@sooperseller.pk";
        var created = await DevHost.Services.GetRequiredService<CreateStaffHandler>().HandleAsync(email, Password, CancellationToken.None);
        return (email, TotpOf(created.OtpAuthUri));
    }

    private static Totp TotpOf(string otpAuthUri)
    {
        var secret = Uri.UnescapeDataString(new Uri(otpAuthUri).Query.TrimStart('?').Split('&').Single(p => p.StartsWith("secret=", StringComparison.Ordinal))["secret=".Length..]);
        return new Totp(Base32Encoding.ToBytes(secret), step: 30);
    }

    private Task<HttpResponseMessage> LoginAsync(string email, string password, string? code) =>
        DevHost.Client.PostAsJsonAsync("api/staff/login", new { email, password, totp = code });

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string cookie, string? csrf, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        request.Headers.Add("Cookie", cookie);
        if (csrf is not null)
        {
            request.Headers.Add("X-CSRF-Token", csrf);
        }

        return await DevHost.Client.SendAsync(request);
    }
}
