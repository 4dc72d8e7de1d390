using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.Infrastructure.Accounts.Sessions;

/// <summary>
/// Sessions in Azure Table storage (table <c>sessions</c>): one row per session keyed by the token's hash (partition =
/// hash, so load spreads and a lookup is one point read), and one index row per session under its user, so all of a
/// user's sessions can be listed and revoked. The index row is written first: a crash in between leaves a dangling
/// index row (harmless), never a session that "revoke all" cannot find.
/// </summary>
public sealed class TableSessionStore(StorageClients storage, IOptions<SessionOptions> options, TimeProvider time) : ISessionStore
{
    public const string TableName = "sessions";
    private const string SessionRow = "session";

    private TableClient Table => storage.Tables.GetTableClient(TableName);

    private SessionOptions Options => options.Value;

    public async Task<NewSession> CreateAsync(SessionSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var token = SessionTokens.NewToken();
        var hash = SessionTokens.HashOf(token)!;
        var sessionId = SessionTokens.NewId();
        var now = time.GetUtcNow();
        var expiry = now + Options.AbsoluteTimeout;

        await Table.AddEntityAsync(new TableEntity(UserPartition(subject.UserId), sessionId) { ["TokenHash"] = hash, ["MerchantId"] = subject.MerchantId.Value, ["AbsoluteExpiry"] = expiry }, cancellationToken);
        await Table.AddEntityAsync(
            new TableEntity(hash, SessionRow)
            {
                ["SessionId"] = sessionId,
                ["UserId"] = subject.UserId,
                ["MerchantId"] = subject.MerchantId.Value,
                ["Role"] = subject.Role.ToString(),
                ["CreatedAt"] = now,
                ["LastSeenAt"] = now,
                ["AbsoluteExpiry"] = expiry,
            },
            cancellationToken);
        return new NewSession(sessionId, token, SessionTokens.CsrfTokenFor(token), expiry);
    }

    public async Task<ActiveSession?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (SessionTokens.HashOf(token) is not { } hash)
        {
            return null;
        }

        var read = await Table.GetEntityIfExistsAsync<TableEntity>(hash, SessionRow, cancellationToken: cancellationToken);
        if (!read.HasValue || read.Value is not { } row)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var lastSeen = row.GetDateTimeOffset("LastSeenAt")!.Value;
        var expiry = row.GetDateTimeOffset("AbsoluteExpiry")!.Value;
        if (now >= expiry || now - lastSeen >= Options.IdleTimeout)
        {
            await DeleteAsync(row, cancellationToken);
            return null;
        }

        if (now - lastSeen >= Options.LastSeenWriteInterval)
        {
            try
            {
                await Table.UpdateEntityAsync(new TableEntity(hash, SessionRow) { ["LastSeenAt"] = now }, row.ETag, TableUpdateMode.Merge, cancellationToken);
                lastSeen = now;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // another request refreshed it a moment ago (412), or it was just revoked (404): either way fine
                if (e.Status == 404)
                {
                    return null;
                }
            }
        }

        var subject = new SessionSubject(row.GetString("UserId"), MerchantId.Parse(row.GetString("MerchantId")), Enum.Parse<Role>(row.GetString("Role")));
        return new ActiveSession(row.GetString("SessionId"), subject, SessionTokens.CsrfTokenFor(token), row.GetDateTimeOffset("CreatedAt")!.Value, lastSeen, expiry);
    }

    public async Task RevokeAsync(string token, CancellationToken cancellationToken)
    {
        if (SessionTokens.HashOf(token) is not { } hash)
        {
            return;
        }

        var read = await Table.GetEntityIfExistsAsync<TableEntity>(hash, SessionRow, cancellationToken: cancellationToken);
        if (read.HasValue && read.Value is { } row)
        {
            await DeleteAsync(row, cancellationToken);
        }
    }

    public async Task<int> RevokeAllAsync(string userId, string? exceptSessionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var revoked = 0;
        await foreach (var index in Table.QueryAsync<TableEntity>(e => e.PartitionKey == UserPartition(userId), cancellationToken: cancellationToken))
        {
            if (index.RowKey == exceptSessionId)
            {
                continue;
            }

            await Table.DeleteEntityAsync(index.GetString("TokenHash"), SessionRow, ETag.All, cancellationToken);
            await Table.DeleteEntityAsync(index.PartitionKey, index.RowKey, ETag.All, cancellationToken);
            revoked++;
        }

        return revoked;
    }

    public async Task<int> RevokeForMerchantAsync(string userId, MerchantId merchantId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var revoked = 0;
        await foreach (var index in Table.QueryAsync<TableEntity>(e => e.PartitionKey == UserPartition(userId), cancellationToken: cancellationToken))
        {
            // Index rows written before they carried the merchant are checked against their session row.
            var merchant = index.GetString("MerchantId");
            if (merchant is null)
            {
                var read = await Table.GetEntityIfExistsAsync<TableEntity>(index.GetString("TokenHash"), SessionRow, cancellationToken: cancellationToken);
                merchant = read.HasValue && read.Value is { } row ? row.GetString("MerchantId") : merchantId.Value;
            }

            if (!string.Equals(merchant, merchantId.Value, StringComparison.Ordinal))
            {
                continue;
            }

            await Table.DeleteEntityAsync(index.GetString("TokenHash"), SessionRow, ETag.All, cancellationToken);
            await Table.DeleteEntityAsync(index.PartitionKey, index.RowKey, ETag.All, cancellationToken);
            revoked++;
        }

        return revoked;
    }

    // One partition query for the user's index rows, then one point read per session (a user has a handful): the
    // session row holds the last-seen time, which the index row could only copy stale.
    public async Task<IReadOnlyList<SessionSummary>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var now = time.GetUtcNow();
        var sessions = new List<SessionSummary>();
        await foreach (var index in Table.QueryAsync<TableEntity>(e => e.PartitionKey == UserPartition(userId), cancellationToken: cancellationToken))
        {
            var read = await Table.GetEntityIfExistsAsync<TableEntity>(index.GetString("TokenHash"), SessionRow, cancellationToken: cancellationToken);
            if (!read.HasValue || read.Value is not { } row)
            {
                continue; // a dangling index row (a crash between the two writes)
            }

            var lastSeen = row.GetDateTimeOffset("LastSeenAt")!.Value;
            if (now < row.GetDateTimeOffset("AbsoluteExpiry")!.Value && now - lastSeen < Options.IdleTimeout)
            {
                sessions.Add(new SessionSummary(index.RowKey, row.GetDateTimeOffset("CreatedAt")!.Value, lastSeen));
            }
        }

        return [.. sessions.OrderByDescending(s => s.CreatedAt)];
    }

    public async Task<bool> RevokeAsync(string userId, string sessionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if (string.IsNullOrEmpty(sessionId) || sessionId.IndexOfAny(['/', '\\', '#', '?']) >= 0)
        {
            return false;
        }

        // Only the caller's own index partition is read, so another user's session id is simply not found.
        var read = await Table.GetEntityIfExistsAsync<TableEntity>(UserPartition(userId), sessionId, cancellationToken: cancellationToken);
        if (!read.HasValue || read.Value is not { } index)
        {
            return false;
        }

        await Table.DeleteEntityAsync(index.GetString("TokenHash"), SessionRow, ETag.All, cancellationToken);
        await Table.DeleteEntityAsync(index.PartitionKey, index.RowKey, ETag.All, cancellationToken);
        return true;
    }

    private async Task DeleteAsync(TableEntity session, CancellationToken cancellationToken)
    {
        await Table.DeleteEntityAsync(session.PartitionKey, SessionRow, ETag.All, cancellationToken);
        await Table.DeleteEntityAsync(UserPartition(session.GetString("UserId")), session.GetString("SessionId"), ETag.All, cancellationToken);
    }

    // Table keys may not contain '/', '\', '#', '?': user ids are ours (letters, digits, '_'), so a prefix is enough.
    private static string UserPartition(string userId) => "user_" + userId;
}
