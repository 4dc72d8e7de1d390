using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SooperSeller.Core.Activity;
using SooperSeller.Core.Tenancy;
using SooperSeller.IntegrationTests.Accounts;
using SooperSeller.Testing.DevHost;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Activity;

/// <summary>The audit log through the DevHost: entries the features record (seeded here through IAuditLog) at /api/audit-log.</summary>
public sealed class AuditLogTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>, IAsyncLifetime
{
    private TestDevHost? _devHost;

    private AccountsApi Api => new(_devHost!.Client);

    public async Task InitializeAsync() => _devHost = await TestDevHost.StartAsync(fixture.Emulators, settings: new Dictionary<string, string?> { ["DevHost:Sandbox"] = "true" });

    public async Task DisposeAsync() => await _devHost!.DisposeAsync();

    [Fact]
    public async Task GetAuditLog_RecordedActions_ListsThemNewestFirstWithIdsOnly()
    {
        var owner = await SignUpAsync();
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        await RecordAsync(owner, AuditAction.InvitationSent, "inv_1", start);
        await RecordAsync(owner, AuditAction.RoleChanged, "usr_2", start.AddMinutes(1));

        var items = await ItemsAsync(owner, "api/audit-log");

        Assert.Equal(["roleChanged", "invitationSent"], items.Select(i => i.GetProperty("action").GetString()));
        Assert.Equal(["usr_2", "inv_1"], items.Select(i => i.GetProperty("targetId").GetString()));
        Assert.All(items, i => Assert.Equal(owner.UserId, i.GetProperty("actor").GetProperty("id").GetString()));
        Assert.Equal("203.0.113.7", items[0].GetProperty("ipAddress").GetString());
    }

    [Fact]
    public async Task GetAuditLog_FiltersAndLimitOneWithCursor_SelectAndPage()
    {
        var owner = await SignUpAsync();
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        await RecordAsync(owner, AuditAction.StoreConnected, "sto_1", start);
        await RecordAsync(owner, AuditAction.StoreDisconnected, "sto_1", start.AddMinutes(1));
        await RecordAsync(owner, AuditAction.StoreConnected, "sto_2", start.AddMinutes(2));

        var connected = await ItemsAsync(owner, "api/audit-log?action=storeConnected");
        var window = await ItemsAsync(owner, $"api/audit-log?from={Escape(start.AddSeconds(30))}&to={Escape(start.AddSeconds(90))}");
        var someoneElse = await ItemsAsync(owner, "api/audit-log?actor=usr_nobody");
        var first = await GetAsync(owner, "api/audit-log?limit=1");
        var second = await GetAsync(owner, "api/audit-log?limit=1&cursor=" + Uri.EscapeDataString(first.GetProperty("nextCursor").GetString()!));

        Assert.Equal(["sto_2", "sto_1"], connected.Select(i => i.GetProperty("targetId").GetString()));
        Assert.Equal(["storeDisconnected"], window.Select(i => i.GetProperty("action").GetString()));
        Assert.Empty(someoneElse);
        Assert.Equal("sto_2", first.GetProperty("items")[0].GetProperty("targetId").GetString());
        Assert.Equal("storeDisconnected", second.GetProperty("items")[0].GetProperty("action").GetString());
    }

    [Fact]
    public async Task GetAuditLog_MerchantA_NeverSeesMerchantBsEntries()
    {
        var a = await SignUpAsync();
        var b = await SignUpAsync();
        await RecordAsync(b, AuditAction.OwnershipTransferred, "usr_b_heir", DateTimeOffset.UtcNow);

        var items = await ItemsAsync(a, "api/audit-log");

        Assert.DoesNotContain(items, i => i.GetRawText().Contains("usr_b_heir", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetAuditLog_WithoutSession_Is401()
    {
        using var response = await Api.SendAsync(HttpMethod.Get, "api/audit-log", session: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GetAuditLog_UnknownAction_Is400NamingAction()
    {
        var owner = await SignUpAsync();

        using var response = await Api.SendAsync(HttpMethod.Get, "api/audit-log?action=read", owner);

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("action", out _));
    }

    private static string Escape(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O"));

    private async Task RecordAsync(SignedIn actor, AuditAction action, string target, DateTimeOffset at)
    {
        var log = _devHost!.Services.GetRequiredService<IAuditLog>();
        await log.RecordAsync(new AuditEntry(MerchantId.Parse(actor.MerchantId), ActivityActor.User(actor.UserId), action, target, at, "203.0.113.7", "req-1"), CancellationToken.None);
    }

    private async Task<SignedIn> SignUpAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        return await Api.SignUpAsync($"owner.{suffix}@example.pk", "Audit Traders " + suffix);
    }

    private async Task<JsonElement> GetAsync(SignedIn session, string path)
    {
        using var response = await Api.SendAsync(HttpMethod.Get, path, session);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<List<JsonElement>> ItemsAsync(SignedIn session, string path) =>
        [.. (await GetAsync(session, path)).GetProperty("items").EnumerateArray()];
}
