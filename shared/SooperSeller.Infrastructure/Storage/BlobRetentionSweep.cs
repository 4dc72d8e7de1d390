using Azure;
using Azure.Storage.Blobs.Models;
using SooperSeller.Infrastructure.Privacy;
using SooperSeller.Infrastructure.Stores.Webhooks;

namespace SooperSeller.Infrastructure.Storage;

/// <summary>
/// Deletes blobs that hold personal data once they have outlived their purpose (architecture section 4, privacy
/// policy): webhook payloads left in <c>claimchecks</c> after 14 days (processed ones are deleted at once; what remains
/// was orphaned by a crash between the blob and its queue message, or parked in a poison queue and never replayed),
/// and data-request packages in <c>exports</c> after 30 days (Shopify's deadline for passing them on). Works the same
/// on Azurite and in Azure, where a lifecycle rule could do it but would not be testable here.
/// </summary>
public sealed class BlobRetentionSweep(StorageClients storage, TimeProvider time)
{
    public static readonly TimeSpan ClaimCheckRetention = TimeSpan.FromDays(14);

    public static readonly TimeSpan ExportRetention = TimeSpan.FromDays(30);

    public async Task<int> RunAsync(CancellationToken cancellationToken) =>
        await DeleteOlderThanAsync(BlobWebhookClaimChecks.ContainerName, ClaimCheckRetention, cancellationToken)
        + await DeleteOlderThanAsync(BlobDataRequestPackages.ContainerName, ExportRetention, cancellationToken);

    private async Task<int> DeleteOlderThanAsync(string containerName, TimeSpan retention, CancellationToken cancellationToken)
    {
        var container = storage.Blobs.GetBlobContainerClient(containerName);
        var before = time.GetUtcNow() - retention;
        var deleted = 0;
        try
        {
            await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix: null, cancellationToken))
            {
                if ((blob.Properties.CreatedOn ?? blob.Properties.LastModified) is { } created && created < before
                    && (await container.GetBlobClient(blob.Name).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken)).Value)
                {
                    deleted++;
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404 && e.ErrorCode == "ContainerNotFound")
        {
            // nothing was ever stored there
        }

        return deleted;
    }
}
