using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Core.Tenancy;
using SooperSeller.DevHost.Emulators;
using SooperSeller.Infrastructure.Accounts.Sessions;
using SooperSeller.Infrastructure.Storage;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Accounts;

/// <summary>Sessions in Table storage on Azurite: lifetimes, revocation, last-seen writes, what is stored.</summary>
public sealed class TableSessionStoreTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>, IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private readonly SessionSubject _subject = new("usr_" + Guid.NewGuid().ToString("N"), MerchantId.New(), Role.Manager);
    private StorageClients? _storage;

    private TableSessionStore Store => new(_storage!, Options.Create(new SessionOptions()), _time);

    public async Task InitializeAsync()
    {
        _storage = StorageClients.FromConnectionString(fixture.Emulators.Azurite.ConnectionString);
        await _storage.Tables.CreateTableIfNotExistsAsync(TableSessionStore.TableName);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Create_ThenValidate_ReturnsTheSubjectAndTheSameCsrfToken()
    {
        var session = await Store.CreateAsync(_subject, None);

        var active = await Store.ValidateAsync(session.Token, None);

        Assert.NotNull(active);
        Assert.Equal(_subject, active.Subject);
        Assert.Equal(session.CsrfToken, active.CsrfToken);
        Assert.Equal(session.SessionId, active.SessionId);
        Assert.Equal(43, session.Token.Length); // 256 bits, base64url
    }

    [Fact]
    public async Task Store_KeepsOnlyTheTokensHash()
    {
        var session = await Store.CreateAsync(_subject, None);

        var rows = await _storage!.Tables.GetTableClient(TableSessionStore.TableName).QueryAsync<Azure.Data.Tables.TableEntity>().ToListAsync();

        Assert.DoesNotContain(rows, row => row.PartitionKey.Contains(session.Token, StringComparison.Ordinal) || row.Any(p => p.Value?.ToString()?.Contains(session.Token, StringComparison.Ordinal) == true));
        Assert.Contains(rows, row => row.PartitionKey == SessionTokens.HashOf(session.Token));
    }

    [Fact]
    public async Task Validate_AfterThirtyIdleMinutes_IsNull()
    {
        var session = await Store.CreateAsync(_subject, None);

        _time.Advance(TimeSpan.FromMinutes(30));

        Assert.Null(await Store.ValidateAsync(session.Token, None));
    }

    [Fact]
    public async Task Validate_KeptBusy_EndsAfterTwelveHoursAnyway()
    {
        var session = await Store.CreateAsync(_subject, None);

        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(12) - TimeSpan.FromMinutes(20); elapsed += TimeSpan.FromMinutes(20))
        {
            _time.Advance(TimeSpan.FromMinutes(20));
            Assert.NotNull(await Store.ValidateAsync(session.Token, None));
        }

        _time.Advance(TimeSpan.FromMinutes(20));
        Assert.Null(await Store.ValidateAsync(session.Token, None));
    }

    [Fact]
    public async Task Validate_WithinAMinute_WritesLastSeenOnce()
    {
        var session = await Store.CreateAsync(_subject, None);
        var table = _storage!.Tables.GetTableClient(TableSessionStore.TableName);
        var hash = SessionTokens.HashOf(session.Token)!;
        _time.Advance(TimeSpan.FromMinutes(2));
        await Store.ValidateAsync(session.Token, None);
        var afterWrite = (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>(hash, "session")).Value.ETag;

        _time.Advance(TimeSpan.FromSeconds(30));
        await Store.ValidateAsync(session.Token, None);
        await Store.ValidateAsync(session.Token, None);

        Assert.Equal(afterWrite, (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>(hash, "session")).Value.ETag);
    }

    [Fact]
    public async Task Revoke_EndsTheSessionForEveryone()
    {
        var session = await Store.CreateAsync(_subject, None);

        await Store.RevokeAsync(session.Token, None);

        Assert.Null(await new TableSessionStore(_storage!, Options.Create(new SessionOptions()), _time).ValidateAsync(session.Token, None));
    }

    [Fact]
    public async Task RevokeAll_ExceptCurrent_KeepsOnlyThatOne()
    {
        var current = await Store.CreateAsync(_subject, None);
        var other1 = await Store.CreateAsync(_subject, None);
        var other2 = await Store.CreateAsync(_subject, None);

        var revoked = await Store.RevokeAllAsync(_subject.UserId, current.SessionId, None);

        Assert.Equal(2, revoked);
        Assert.NotNull(await Store.ValidateAsync(current.Token, None));
        Assert.Null(await Store.ValidateAsync(other1.Token, None));
        Assert.Null(await Store.ValidateAsync(other2.Token, None));
    }

    [Fact]
    public async Task KeyedStateSweep_DeletesIdleAndEndedSessionRows_AndKeepsLiveOnes()
    {
        // A sweep reaches every row of the table: on an Azurite of its own, so no other test's sessions are swept.
        await using var azurite = await Azurite.StartAsync(location: null, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, None);
        var storage = StorageClients.FromConnectionString(azurite.ConnectionString);
        await storage.Tables.CreateTableIfNotExistsAsync(TableSessionStore.TableName);
        var store = new TableSessionStore(storage, Options.Create(new SessionOptions()), _time);
        var idle = await store.CreateAsync(_subject, None);
        _time.Advance(TimeSpan.FromMinutes(31));
        var live = await store.CreateAsync(_subject, None);
        var table = storage.Tables.GetTableClient(TableSessionStore.TableName);

        await new KeyedStateSweep(storage, Options.Create(new SessionOptions()), _time).RunAsync(None);

        Assert.False((await table.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>(SessionTokens.HashOf(idle.Token)!, "session")).HasValue);
        Assert.True((await table.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>(SessionTokens.HashOf(live.Token)!, "session")).HasValue);
        Assert.NotNull(await store.ValidateAsync(live.Token, None));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Validate_UnknownOrMalformedToken_IsNull(string token)
    {
        Assert.Null(await Store.ValidateAsync(token, None));
    }
}
