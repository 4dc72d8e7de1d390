using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using SooperSeller.Infrastructure.Accounts;
using SooperSeller.Infrastructure.Accounts.Sessions;
using SooperSeller.Infrastructure.Accounts.Throttling;
using SooperSeller.Infrastructure.Staff;

namespace SooperSeller.Infrastructure.Storage;

/// <summary>
/// Deletes small keyed state in Table storage once it has served its purpose (architecture section 4: "swept by a
/// timer"): ended merchant and staff sessions (and the merchant sessions' index rows), expired password-reset links
/// and invitations, throttle counters whose window ended, Shopify authorizations never completed, webhook de-duplication keys past their window.
/// Each row carries its own expiry; a row changed since it was read (412) is left for the next sweep.
/// </summary>
public sealed class KeyedStateSweep(StorageClients storage, IOptions<SessionOptions> sessions, TimeProvider time)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var idleSince = now - sessions.Value.IdleTimeout;
        return await DeleteAsync(TableSessionStore.TableName, TableClient.CreateQueryFilter($"AbsoluteExpiry lt {now}"), cancellationToken)
            + await DeleteAsync(TableSessionStore.TableName, TableClient.CreateQueryFilter($"RowKey eq {"session"} and LastSeenAt lt {idleSince}"), cancellationToken)
            + await DeleteAsync(TableStaffSessionStore.TableName, TableClient.CreateQueryFilter($"AbsoluteExpiry lt {now}"), cancellationToken)
            + await DeleteAsync(TableStaffSessionStore.TableName, TableClient.CreateQueryFilter($"LastSeenAt lt {now - TableStaffSessionStore.IdleTimeout}"), cancellationToken)
            + await DeleteAsync(TablePasswordResets.TableName, TableClient.CreateQueryFilter($"ExpiresAt lt {now}"), cancellationToken)
            + await DeleteAsync(TableInvitations.TableName, TableClient.CreateQueryFilter($"ExpiresAt lt {now}"), cancellationToken)
            + await DeleteAsync(TableThrottle.TableName, TableClient.CreateQueryFilter($"ExpiresAt lt {now}"), cancellationToken)
            + await DeleteAsync(Stores.TableOAuthStates.TableName, TableClient.CreateQueryFilter($"ExpiresAt lt {now}"), cancellationToken)
            + await DeleteAsync(Stores.Webhooks.TableWebhookEvents.TableName, TableClient.CreateQueryFilter($"ExpiresAt lt {now}"), cancellationToken);
    }

    private async Task<int> DeleteAsync(string tableName, string filter, CancellationToken cancellationToken)
    {
        var table = storage.Tables.GetTableClient(tableName);
        var deleted = 0;
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                try
                {
                    await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
                    deleted++;
                }
                catch (RequestFailedException e) when (e.Status is 404 or 412)
                {
                    // gone already, or written again since it was read (no longer expired)
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404 && e.ErrorCode == "TableNotFound")
        {
            // nothing was ever stored there
        }

        return deleted;
    }
}
