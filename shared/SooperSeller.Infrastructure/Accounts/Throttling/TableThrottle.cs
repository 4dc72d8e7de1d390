using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using SooperSeller.Core.Accounts.Throttling;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.Infrastructure.Accounts.Throttling;

/// <summary>
/// Throttle counters in Azure Table storage (table <c>throttle</c>), so every instance counts the same attempts: one row
/// per key, partition = SHA-256 of the key (its subject is a hash already; load spreads over partitions). Each attempt
/// is a read, the rule from <see cref="ThrottlePolicy"/>, and a write conditional on the row's ETag (create-only when
/// there is none): a write that loses a race is retried on the row as it now is, so no attempt is lost or counted twice.
/// </summary>
public sealed partial class TableThrottle(StorageClients storage, TimeProvider time, ILogger<TableThrottle> logger) : IThrottle
{
    public const string TableName = "throttle";

    /// <summary>Lost races on one key before an attempt is refused anyway: under that much contention, fail closed.</summary>
    public const int MaxRaces = 10;

    private static readonly TimeSpan ContendedWait = TimeSpan.FromSeconds(1);

    private TableClient Table => storage.Tables.GetTableClient(TableName);

    public async Task<ThrottleDecision> TryAcquireAsync(ThrottleKey key, CancellationToken cancellationToken)
    {
        var rule = ThrottlePolicy.For(key.Kind);
        for (var race = 0; race < MaxRaces; race++)
        {
            var row = await ReadAsync(key, cancellationToken);
            var (decision, counted) = rule.Decide(row is null ? null : StateOf(row), time.GetUtcNow());
            if (!decision.Allowed)
            {
                Log.Refused(logger, key.Kind, (long)Math.Ceiling(decision.RetryAfter.TotalSeconds));
                return decision;
            }

            if (await TryWriteAsync(key, row, counted!, rule, cancellationToken))
            {
                return decision;
            }
        }

        Log.Contended(logger, key.Kind, MaxRaces);
        return ThrottleDecision.Refuse(ContendedWait);
    }

    public async Task ReleaseAsync(ThrottleKey key, CancellationToken cancellationToken)
    {
        var rule = ThrottlePolicy.For(key.Kind);
        for (var race = 0; race < MaxRaces; race++)
        {
            if (await ReadAsync(key, cancellationToken) is not { } row)
            {
                return;
            }

            if (await TryWriteAsync(key, row, ThrottleRule.Release(StateOf(row)), rule, cancellationToken))
            {
                return;
            }
        }

        // Taking back a success is a courtesy to a shared address; losing it under contention costs nothing worse.
        Log.Contended(logger, key.Kind, MaxRaces);
    }

    public async Task ResetAsync(ThrottleKey key, CancellationToken cancellationToken) =>
        await Table.DeleteEntityAsync(PartitionOf(key), RowOf(key), ETag.All, cancellationToken);

    private async Task<TableEntity?> ReadAsync(ThrottleKey key, CancellationToken cancellationToken)
    {
        var read = await Table.GetEntityIfExistsAsync<TableEntity>(PartitionOf(key), RowOf(key), cancellationToken: cancellationToken);
        return read.HasValue ? read.Value : null;
    }

    // False when another instance wrote (or deleted) the row since it was read: the caller reads it again.
    private async Task<bool> TryWriteAsync(ThrottleKey key, TableEntity? read, ThrottleState state, ThrottleRule rule, CancellationToken cancellationToken)
    {
        var row = new TableEntity(PartitionOf(key), RowOf(key))
        {
            ["Attempts"] = state.Attempts,
            ["WindowStart"] = state.WindowStart,
            ["LastAttemptAt"] = state.LastAttemptAt,
            // Not read by the rule: lets a sweep find rows whose window is over.
            ["ExpiresAt"] = state.WindowStart + rule.Window,
        };
        try
        {
            if (read is null)
            {
                await Table.AddEntityAsync(row, cancellationToken);
            }
            else
            {
                await Table.UpdateEntityAsync(row, read.ETag, TableUpdateMode.Replace, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
            return false;
        }
    }

    private static ThrottleState StateOf(TableEntity row) =>
        new(row.GetInt32("Attempts") ?? 0, row.GetDateTimeOffset("WindowStart") ?? DateTimeOffset.MinValue, row.GetDateTimeOffset("LastAttemptAt") ?? DateTimeOffset.MinValue);

    private static string PartitionOf(ThrottleKey key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{key.Kind}:{key.Subject}")));

    private static string RowOf(ThrottleKey key) => key.Kind.ToString();

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Information, "Throttled a {Kind} attempt; retry after {RetryAfterSeconds} s")]
        public static partial void Refused(ILogger logger, ThrottleKind kind, long retryAfterSeconds);

        [LoggerMessage(LogLevel.Warning, "A {Kind} counter lost {Races} write races in a row; the attempt is refused")]
        public static partial void Contended(ILogger logger, ThrottleKind kind, int races);
    }
}
