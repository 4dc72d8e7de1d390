using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using SooperSeller.Core.Stores.Webhooks;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.Infrastructure.Stores.Webhooks;

/// <summary>
/// Webhook payloads in blob container <see cref="ContainerName"/>, under <c>{merchantId}/</c>. The container is
/// declared in <see cref="StorageDeclarations"/> (created by the DevHost and the Bicep), so no request pays for a
/// create-if-not-exists.
/// </summary>
public sealed class BlobWebhookClaimChecks(StorageClients storage) : IWebhookClaimChecks
{
    public const string ContainerName = "claimchecks";

    private BlobContainerClient Container => storage.Blobs.GetBlobContainerClient(ContainerName);

    public async Task SaveAsync(MerchantId merchantId, string name, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var blob = Container.GetBlobClient(Scoped(merchantId, name));
        await blob.UploadAsync(BinaryData.FromBytes(payload), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } }, cancellationToken);
    }

    public async Task<ReadOnlyMemory<byte>?> ReadAsync(MerchantId merchantId, string name, CancellationToken cancellationToken)
    {
        try
        {
            var content = await Container.GetBlobClient(Scoped(merchantId, name)).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToMemory();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task DeleteAsync(MerchantId merchantId, string name, CancellationToken cancellationToken) =>
        await Container.GetBlobClient(Scoped(merchantId, name)).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);

    /// <summary>The name, refused unless it lies under the merchant's prefix: no call can touch another merchant's blobs.</summary>
    private static string Scoped(MerchantId merchantId, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return name.StartsWith(merchantId.Value + "/", StringComparison.Ordinal) && !name.Contains("..", StringComparison.Ordinal)
            ? name
            : throw new ArgumentException("A claim-check name must start with its merchant's id.", nameof(name));
    }
}
