namespace SooperSeller.Infrastructure.Storage;

/// <summary>
/// The tables and blob containers the app uses, declared once so the DevHost can create them and the Bicep templates
/// can be checked against them. Queues are declared by the queue functions that read them (each with its
/// <c>-poison</c> queue); features add their tables and containers here.
/// </summary>
public static class StorageDeclarations
{
    public static IReadOnlyList<string> Tables { get; } = [Accounts.Sessions.TableSessionStore.TableName, Accounts.TableEmailLookup.TableName, Accounts.TablePendingRegistrations.TableName, Accounts.TablePasswordResets.TableName, Accounts.TableInvitations.TableName, Accounts.TableMemberships.TableName, Accounts.Throttling.TableThrottle.TableName, Notifications.OutboxLocation.TableName, Staff.TableStaffAccounts.TableName, Staff.TableStaffSessionStore.TableName, Staff.TableAccessGrants.TableName, Stores.TableShopDirectory.TableName, Stores.TableOAuthStates.TableName, Shopify.TableShopifyTokens.TableName, Stores.Webhooks.TableWebhookEvents.TableName, Stores.Backfill.TableBackfillCheckpoints.TableName, Stores.Sync.TableSyncWatermarks.TableName];

    public static IReadOnlyList<string> BlobContainers { get; } = [Stores.Webhooks.BlobWebhookClaimChecks.ContainerName, Privacy.BlobDataRequestPackages.ContainerName];
}
