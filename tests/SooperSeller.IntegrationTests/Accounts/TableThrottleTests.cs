using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SooperSeller.Core.Accounts.Throttling;
using SooperSeller.Infrastructure.Accounts.Throttling;
using SooperSeller.Infrastructure.Storage;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Accounts;

/// <summary>Throttle counters in Table storage on Azurite, written by two instances (two clients of one account) at once.</summary>
public sealed class TableThrottleTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>, IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync() =>
        await StorageClients.FromConnectionString(fixture.Emulators.Azurite.ConnectionString).Tables.CreateTableIfNotExistsAsync(TableThrottle.TableName);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TryAcquireAsync_BurstFromTwoInstances_NeverAdmitsMoreThanTheCeilingAndLosesNoCount()
    {
        var key = ThrottleKey.ForEmail(ThrottleKind.RegisterEmail, $"burst.{Guid.NewGuid():N}@example.pk");
        IThrottle[] instances = [NewInstance(), NewInstance()];

        var burst = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => instances[i % 2].TryAcquireAsync(key, None)));
        var afterwards = new List<ThrottleDecision>();
        for (var i = 0; i < 8; i++)
        {
            afterwards.Add(await instances[i % 2].TryAcquireAsync(key, None));
        }

        // Attempts that lost too many races in a row are refused (fail closed); the others are counted exactly once.
        var admitted = burst.Count(d => d.Allowed) + afterwards.Count(d => d.Allowed);
        Assert.Equal(ThrottlePolicy.RegisterEmail.MaxAttempts, admitted);
        Assert.False(afterwards[^1].Allowed);
    }

    [Fact]
    public async Task KeyedStateSweep_RemovesCountersWhoseWindowEnded_AndKeepsLiveOnes()
    {
        // A sweep reaches every row of the table: on an Azurite of its own, so no other test's counters are swept.
        await using var azurite = await SooperSeller.DevHost.Emulators.Azurite.StartAsync(location: null, NullLogger.Instance, None);
        var storage = StorageClients.FromConnectionString(azurite.ConnectionString);
        await storage.Tables.CreateTableIfNotExistsAsync(TableThrottle.TableName);
        var old = ThrottleKey.ForEmail(ThrottleKind.RegisterEmail, $"old.{Guid.NewGuid():N}@example.pk");
        var live = ThrottleKey.ForEmail(ThrottleKind.RegisterEmail, $"live.{Guid.NewGuid():N}@example.pk");
        var throttle = new TableThrottle(storage, _time, NullLogger<TableThrottle>.Instance);
        for (var i = 0; i < ThrottlePolicy.RegisterEmail.MaxAttempts; i++)
        {
            await throttle.TryAcquireAsync(old, None);
        }

        _time.Advance(ThrottlePolicy.RegisterEmail.Window + TimeSpan.FromMinutes(1));
        await throttle.TryAcquireAsync(live, None);
        await new KeyedStateSweep(storage, Microsoft.Extensions.Options.Options.Create(new SooperSeller.Infrastructure.Accounts.Sessions.SessionOptions()), _time).RunAsync(None);

        var table = storage.Tables.GetTableClient(TableThrottle.TableName);
        var expired = await table.QueryAsync<Azure.Data.Tables.TableEntity>(Azure.Data.Tables.TableClient.CreateQueryFilter($"ExpiresAt lt {_time.GetUtcNow()}")).ToListAsync();
        var current = await table.QueryAsync<Azure.Data.Tables.TableEntity>(Azure.Data.Tables.TableClient.CreateQueryFilter($"ExpiresAt ge {_time.GetUtcNow()}")).ToListAsync();
        Assert.Empty(expired);
        Assert.NotEmpty(current);
    }

    [Fact]
    public async Task ResetAsync_OnOneInstance_ClearsTheCounterForTheOther()
    {
        var key = ThrottleKey.ForEmail(ThrottleKind.SignInAccount, $"reset.{Guid.NewGuid():N}@example.pk");
        var (first, second) = (NewInstance(), NewInstance());
        for (var i = 0; i < 5; i++)
        {
            await (i % 2 == 0 ? first : second).TryAcquireAsync(key, None);
        }

        var refused = await second.TryAcquireAsync(key, None);
        await first.ResetAsync(key, None);
        var afterReset = await second.TryAcquireAsync(key, None);

        Assert.Equal(ThrottleDecision.Refuse(TimeSpan.FromSeconds(1)), refused);
        Assert.True(afterReset.Allowed);
    }

    [Fact]
    public async Task ReleaseAsync_OnOneInstance_TakesTheAttemptBackForTheOther()
    {
        var key = ThrottleKey.ForEmail(ThrottleKind.RegisterEmail, $"release.{Guid.NewGuid():N}@example.pk");
        var (first, second) = (NewInstance(), NewInstance());
        for (var i = 0; i < 5; i++)
        {
            await first.TryAcquireAsync(key, None);
        }

        await second.ReleaseAsync(key, None);
        var sixth = await first.TryAcquireAsync(key, None);
        var seventh = await second.TryAcquireAsync(key, None);

        Assert.True(sixth.Allowed);
        Assert.False(seventh.Allowed);
    }

    // Each instance with its own clients, as two app instances would have.
    private TableThrottle NewInstance() =>
        new(StorageClients.FromConnectionString(fixture.Emulators.Azurite.ConnectionString), _time, NullLogger<TableThrottle>.Instance);
}
