using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Accounts.Sessions;
using SooperSeller.Infrastructure.Storage;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Accounts;

/// <summary>A user's sessions listed and revoked by id in Table storage on Azurite.</summary>
public sealed class TableSessionStoreListingTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>, IAsyncLifetime
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
    public async Task ListAsync_TwoSessions_ListsBothNewestFirstWithTheirTimes()
    {
        var older = await Store.CreateAsync(_subject, None);
        _time.Advance(TimeSpan.FromMinutes(5));
        var newer = await Store.CreateAsync(_subject, None);

        var sessions = await Store.ListAsync(_subject.UserId, None);

        Assert.Equal([newer.SessionId, older.SessionId], sessions.Select(s => s.SessionId));
        Assert.Equal(_time.GetUtcNow(), sessions[0].CreatedAt);
        Assert.Equal(_time.GetUtcNow().AddMinutes(-5), sessions[1].LastSeenAt);
    }

    [Fact]
    public async Task ListAsync_IdleSessionPastItsTimeout_IsLeftOut()
    {
        var idle = await Store.CreateAsync(_subject, None);
        _time.Advance(TimeSpan.FromMinutes(20));
        var fresh = await Store.CreateAsync(_subject, None);
        _time.Advance(TimeSpan.FromMinutes(15));

        var sessions = await Store.ListAsync(_subject.UserId, None);

        Assert.Equal([fresh.SessionId], sessions.Select(s => s.SessionId));
        Assert.DoesNotContain(sessions, s => s.SessionId == idle.SessionId);
    }

    [Fact]
    public async Task RevokeAsync_OwnSessionById_EndsIt()
    {
        var session = await Store.CreateAsync(_subject, None);

        var revoked = await Store.RevokeAsync(_subject.UserId, session.SessionId, None);

        Assert.True(revoked);
        Assert.Null(await Store.ValidateAsync(session.Token, None));
        Assert.Empty(await Store.ListAsync(_subject.UserId, None));
    }

    [Fact]
    public async Task RevokeAsync_AnotherUsersSessionId_IsFalseAndLeavesItAlive()
    {
        var others = await Store.CreateAsync(_subject with { UserId = "usr_" + Guid.NewGuid().ToString("N") }, None);

        var revoked = await Store.RevokeAsync(_subject.UserId, others.SessionId, None);

        Assert.False(revoked);
        Assert.NotNull(await Store.ValidateAsync(others.Token, None));
    }
}
