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

/// <summary>The personal-data access log through the DevHost: reading /api/me leaves an entry, listed at /api/access-log.</summary>
public sealed class AccessLogTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>, IAsyncLifetime
{
    private TestDevHost? _devHost;

    private AccountsApi Api => new(_devHost!.Client);

    public async Task InitializeAsync() => _devHost = await TestDevHost.StartAsync(fixture.Emulators, settings: new Dictionary<string, string?> { ["DevHost:Sandbox"] = "true" });

    public async Task DisposeAsync() => await _devHost!.DisposeAsync();

    [Fact]
    public async Task GetAccessLog_AfterReadingMe_ShowsWhoWhichRecordPurposeWhenAndWhereButNotTheData()
    {
        var (owner, email, business) = await SignUpAsync("Saima Traders");
        var before = DateTimeOffset.UtcNow;
        using (var me = await Api.SendAsync(HttpMethod.Get, "api/me", owner))
        {
            me.EnsureSuccessStatusCode();
        }

        using var response = await Api.SendAsync(HttpMethod.Get, "api/access-log?limit=1", owner);

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray().Single();
        Assert.Equal("user", entry.GetProperty("actor").GetProperty("kind").GetString());
        Assert.Equal(owner.UserId, entry.GetProperty("actor").GetProperty("id").GetString());
        Assert.Equal("read", entry.GetProperty("action").GetString());
        Assert.Equal("user", entry.GetProperty("resourceType").GetString());
        Assert.Equal([owner.UserId], entry.GetProperty("recordIds").EnumerateArray().Select(id => id.GetString()));
        Assert.Equal(1, entry.GetProperty("recordCount").GetInt32());
        Assert.Equal("account", entry.GetProperty("purpose").GetString());
        Assert.InRange(entry.GetProperty("at").GetDateTimeOffset(), before.AddSeconds(-5), DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.False(string.IsNullOrEmpty(entry.GetProperty("ipAddress").GetString()));
        Assert.False(string.IsNullOrEmpty(entry.GetProperty("requestId").GetString()));
        Assert.DoesNotContain(email, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Owner of " + business, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(business, text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GetAccessLog_EntryOfManyRecords_KeepsTheFirst200IdsAndTheTotal()
    {
        var (owner, _, _) = await SignUpAsync("Bulk Books");
        var ids = Enumerable.Range(0, 250).Select(i => $"ord_{i:D3}").ToList();
        var log = _devHost!.Services.GetRequiredService<IAccessLog>();
        await log.RecordAsync(
            new AccessLogEntry(MerchantId.Parse(owner.MerchantId), ActivityActor.User(owner.UserId), AccessAction.Export, "order", ids, AccessPurpose.Account, DateTimeOffset.UtcNow.AddSeconds(10), "203.0.113.9", "req-1"),
            CancellationToken.None);

        var entry = (await ItemsAsync(owner, "api/access-log?resourceType=order")).Single();

        Assert.Equal(ids.Take(AccessLogEntry.MaxRecordIds), entry.GetProperty("recordIds").EnumerateArray().Select(id => id.GetString()));
        Assert.Equal(250, entry.GetProperty("recordCount").GetInt32());
        Assert.Equal("export", entry.GetProperty("action").GetString());
    }

    [Fact]
    public async Task GetAccessLog_WithoutSession_Is401()
    {
        using var response = await Api.SendAsync(HttpMethod.Get, "api/access-log", session: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GetAccessLog_LimitOneWithCursor_PagesNewestFirstWithoutRepeats()
    {
        var (owner, _, _) = await SignUpAsync("Paging Mart");
        for (var i = 0; i < 2; i++)
        {
            using var me = await Api.SendAsync(HttpMethod.Get, "api/me", owner);
            me.EnsureSuccessStatusCode();
        }

        var ids = new List<string>();
        var times = new List<DateTimeOffset>();
        string? cursor = null;
        do
        {
            var page = await GetAsync(owner, "api/access-log?limit=1" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.True(items.Count <= 1);
            ids.AddRange(items.Select(item => item.GetProperty("id").GetString()!));
            times.AddRange(items.Select(item => item.GetProperty("at").GetDateTimeOffset()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null && ids.Count < 10);

        Assert.Equal(3, ids.Count); // sign-up reads /api/me once, then two more reads
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(times.OrderByDescending(t => t), times);
    }

    [Fact]
    public async Task GetAccessLog_Filters_SelectMatchingEntriesOnly()
    {
        var (owner, _, _) = await SignUpAsync("Filter Fabrics");
        var all = await ItemsAsync(owner, "api/access-log");
        var newest = all[0].GetProperty("at").GetDateTimeOffset();
        var later = Uri.EscapeDataString(newest.AddSeconds(1).ToString("O"));
        var earlier = Uri.EscapeDataString(newest.AddSeconds(-60).ToString("O"));

        var matching = await ItemsAsync(owner, $"api/access-log?resourceType=user&action=read&actor={owner.UserId}&from={earlier}&to={later}");
        var otherType = await ItemsAsync(owner, "api/access-log?resourceType=order");
        var otherAction = await ItemsAsync(owner, "api/access-log?action=export");
        var otherActor = await ItemsAsync(owner, "api/access-log?actor=usr_someone_else");
        var afterAll = await ItemsAsync(owner, $"api/access-log?from={later}");
        var beforeAll = await ItemsAsync(owner, $"api/access-log?to={earlier}");

        Assert.Single(all);
        Assert.Single(matching);
        Assert.Empty(otherType);
        Assert.Empty(otherAction);
        Assert.Empty(otherActor);
        Assert.Empty(afterAll);
        Assert.Empty(beforeAll);
    }

    [Fact]
    public async Task GetAccessLog_MerchantA_NeverSeesMerchantBsEntries()
    {
        var (a, _, _) = await SignUpAsync("Alpha Apparel");
        var (b, emailB, _) = await SignUpAsync("Bravo Bazaar");
        using (var meB = await Api.SendAsync(HttpMethod.Get, "api/me", b))
        {
            meB.EnsureSuccessStatusCode();
        }

        var items = await ItemsAsync(a, $"api/access-log?actor={b.UserId}");
        var text = (await ItemsAsync(a, "api/access-log")).Aggregate(string.Empty, (all, item) => all + item.GetRawText());

        Assert.Empty(items);
        Assert.DoesNotContain(b.UserId, text, StringComparison.Ordinal);
        Assert.DoesNotContain(emailB, text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-11-28", "to")]
    [InlineData("action=peek", "action")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("cursor=%25%25%25", "cursor")]
    public async Task GetAccessLog_BadParameter_Is400NamingIt(string query, string parameter)
    {
        var (owner, _, _) = await SignUpAsync("Strict Stores");

        using var response = await Api.SendAsync(HttpMethod.Get, "api/access-log?" + query, owner);

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), $"the problem names '{parameter}': {problem}");
    }

    private async Task<(SignedIn Owner, string Email, string Business)> SignUpAsync(string business)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var email = $"owner.{suffix}@example.pk";
        var name = $"{business} {suffix}";
        return (await Api.SignUpAsync(email, name), email, name);
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
