using Azure.Data.Tables;
using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Core.Staff;
using SooperSeller.Infrastructure.Accounts.Sessions;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.Infrastructure.Staff;

/// <summary>
/// Staff sessions in their own table (<c>staffsessions</c>), keyed by the token's hash, so a staff token is never a
/// merchant session and the reverse. Shorter than merchant sessions: 15 minutes idle, 8 hours at most.
/// </summary>
public sealed class TableStaffSessionStore(StorageClients storage, TimeProvider time) : IStaffSessionStore
{
    public const string TableName = "staffsessions";
    private const string Row = "session";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(8);

    private TableClient Table => storage.Tables.GetTableClient(TableName);

    public async Task<NewSession> CreateAsync(string staffId, CancellationToken cancellationToken)
    {
        var token = SessionTokens.NewToken();
        var sessionId = SessionTokens.NewId();
        var now = time.GetUtcNow();
        var expiry = now + AbsoluteTimeout;
        await Table.AddEntityAsync(
            new TableEntity(SessionTokens.HashOf(token)!, Row) { ["SessionId"] = sessionId, ["StaffId"] = staffId, ["LastSeenAt"] = now, ["AbsoluteExpiry"] = expiry },
            cancellationToken);
        return new NewSession(sessionId, token, SessionTokens.CsrfTokenFor(token), expiry);
    }

    public async Task<ActiveStaffSession?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (SessionTokens.HashOf(token) is not { } hash)
        {
            return null;
        }

        var read = await Table.GetEntityIfExistsAsync<TableEntity>(hash, Row, cancellationToken: cancellationToken);
        if (!read.HasValue || read.Value is not { } row)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var expiry = row.GetDateTimeOffset("AbsoluteExpiry")!.Value;
        if (now >= expiry || now - row.GetDateTimeOffset("LastSeenAt")!.Value >= IdleTimeout)
        {
            await Table.DeleteEntityAsync(hash, Row, Azure.ETag.All, cancellationToken);
            return null;
        }

        try
        {
            await Table.UpdateEntityAsync(new TableEntity(hash, Row) { ["LastSeenAt"] = now }, row.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 412)
        {
            // A concurrent request of the same session refreshed it first.
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }

        return new ActiveStaffSession(row.GetString("SessionId"), row.GetString("StaffId"), SessionTokens.CsrfTokenFor(token), expiry);
    }

    public async Task RevokeAsync(string token, CancellationToken cancellationToken)
    {
        if (SessionTokens.HashOf(token) is { } hash)
        {
            await Table.DeleteEntityAsync(hash, Row, Azure.ETag.All, cancellationToken);
        }
    }
}
