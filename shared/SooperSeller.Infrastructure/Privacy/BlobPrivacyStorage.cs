using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using SooperSeller.Core.Privacy;
using SooperSeller.Core.Stores.Webhooks;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Storage;
using SooperSeller.Infrastructure.Stores.Webhooks;

namespace SooperSeller.Infrastructure.Privacy;

/// <summary>Data-request packages in blob container <see cref="ContainerName"/> at <c>{merchantId}/data-requests/{requestId}.json</c>.</summary>
public sealed class BlobDataRequestPackages(StorageClients storage) : IDataRequestPackages
{
    public const string ContainerName = "exports";

    private BlobContainerClient Container => storage.Blobs.GetBlobContainerClient(ContainerName);

    public async Task SaveAsync(MerchantId merchantId, string requestId, ReadOnlyMemory<byte> json, CancellationToken cancellationToken) =>
        await Container.GetBlobClient(NameOf(merchantId, requestId)).UploadAsync(BinaryData.FromBytes(json), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } }, cancellationToken);

    public async Task<byte[]?> ReadAsync(MerchantId merchantId, string requestId, CancellationToken cancellationToken)
    {
        try
        {
            return (await Container.GetBlobClient(NameOf(merchantId, requestId)).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private static string NameOf(MerchantId merchantId, string requestId) =>
        requestId.IndexOfAny(['/', '\\', '.']) < 0 ? $"{merchantId.Value}/data-requests/{requestId}.json" : throw new ArgumentException("Not a request id.", nameof(requestId));
}

/// <summary>Deletes waiting webhook payloads (claim checks) of one store under <c>{merchantId}/shopify/{storeId}/</c>.</summary>
public sealed class BlobWebhookPayloadPurge(StorageClients storage) : IWebhookPayloadPurge
{
    private BlobContainerClient Container => storage.Blobs.GetBlobContainerClient(BlobWebhookClaimChecks.ContainerName);

    public async Task<int> PurgeAsync(MerchantId merchantId, string storeId, Func<ReadOnlyMemory<byte>, bool> mentions, string exceptWebhookId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        var prefix = ShopifyWebhookIngestion.StorePrefixOf(merchantId, storeId);
        // Every kept attempt of the delivery being processed (each attempt of one webhook has a blob of its own).
        var except = ShopifyWebhookIngestion.BlobPrefixOf(merchantId, storeId, exceptWebhookId);
        var deleted = 0;
        await foreach (var item in Container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
        {
            if (item.Name.StartsWith(except, StringComparison.Ordinal))
            {
                continue;
            }

            var blob = Container.GetBlobClient(item.Name);
            try
            {
                if (mentions((await blob.DownloadContentAsync(cancellationToken)).Value.Content.ToMemory()))
                {
                    await blob.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
                    deleted++;
                }
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // processed and deleted meanwhile
            }
        }

        return deleted;
    }
}
