using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SooperSeller.DevHost.Emulators;
using SooperSeller.Infrastructure.Accounts;
using SooperSeller.Infrastructure.Accounts.Sessions;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.IntegrationTests.Accounts;

/// <summary>The hourly sweep of keyed state, on an Azurite of its own (a sweep reaches every row of a table).</summary>
public sealed class KeyedStateSweepTests
{
    [Theory]
    [InlineData(TablePasswordResets.TableName)]
    [InlineData(TableInvitations.TableName)]
    [InlineData(SooperSeller.Infrastructure.Stores.Webhooks.TableWebhookEvents.TableName)]
    public async Task RunAsync_DeletesExpiredRows_AndKeepsLiveOnes(string tableName)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        await using var azurite = await Azurite.StartAsync(location: null, NullLogger.Instance, CancellationToken.None);
        var storage = StorageClients.FromConnectionString(azurite.ConnectionString);
        await storage.Tables.CreateTableIfNotExistsAsync(tableName);
        var table = storage.Tables.GetTableClient(tableName);
        await table.AddEntityAsync(new TableEntity("expired", "row") { ["ExpiresAt"] = time.GetUtcNow().AddMinutes(-1) });
        await table.AddEntityAsync(new TableEntity("live", "row") { ["ExpiresAt"] = time.GetUtcNow().AddMinutes(1) });

        await new KeyedStateSweep(storage, Options.Create(new SessionOptions()), time).RunAsync(CancellationToken.None);

        Assert.Equal(["live"], (await table.QueryAsync<TableEntity>().ToListAsync()).Select(r => r.PartitionKey));
    }

    [Fact]
    public async Task RunAsync_DeletesIdleStaffSessions_AndKeepsLiveOnes()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        await using var azurite = await Azurite.StartAsync(location: null, NullLogger.Instance, CancellationToken.None);
        var storage = StorageClients.FromConnectionString(azurite.ConnectionString);
        await storage.Tables.CreateTableIfNotExistsAsync(SooperSeller.Infrastructure.Staff.TableStaffSessionStore.TableName);
        var table = storage.Tables.GetTableClient(SooperSeller.Infrastructure.Staff.TableStaffSessionStore.TableName);
        var later = time.GetUtcNow().AddHours(8);
        await table.AddEntityAsync(new TableEntity("idle", "session") { ["LastSeenAt"] = time.GetUtcNow().AddMinutes(-16), ["AbsoluteExpiry"] = later });
        await table.AddEntityAsync(new TableEntity("live", "session") { ["LastSeenAt"] = time.GetUtcNow().AddMinutes(-1), ["AbsoluteExpiry"] = later });

        await new KeyedStateSweep(storage, Options.Create(new SessionOptions()), time).RunAsync(CancellationToken.None);

        Assert.Equal(["live"], (await table.QueryAsync<TableEntity>().ToListAsync()).Select(r => r.PartitionKey));
    }
}
