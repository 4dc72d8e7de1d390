using System.Text;
using SooperSeller.Core.Stores.Webhooks;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Privacy;
using SooperSeller.Infrastructure.Storage;
using SooperSeller.Infrastructure.Stores.Webhooks;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Privacy;

/// <summary>
/// Redaction's purge of waiting webhook payloads against Azurite: it deletes the store's claim checks that mention the
/// customer and keeps every kept attempt of the compliance delivery being processed (its processing deletes it when
/// done; deleting it earlier would leave a retry with nothing to process), other customers' payloads and other stores'.
/// </summary>
public sealed class WebhookPayloadPurgeTests
{
    [Fact]
    public async Task PurgeAsync_DeletesTheStoresPayloadsMentioningTheCustomer_KeepsTheRedactDeliverysOwnAttempts()
    {
        var storage = StorageClients.FromConnectionString((await SharedEmulators.GetAsync()).Azurite.ConnectionString);
        var container = storage.Blobs.GetBlobContainerClient(BlobWebhookClaimChecks.ContainerName);
        await container.CreateIfNotExistsAsync();
        var merchant = MerchantId.New();
        var claimChecks = new BlobWebhookClaimChecks(storage);
        async Task<string> KeepAsync(string storeId, string webhookId, string body)
        {
            var name = ShopifyWebhookIngestion.BlobNameOf(merchant, storeId, webhookId, Guid.NewGuid());
            await claimChecks.SaveAsync(merchant, name, Encoding.UTF8.GetBytes(body), CancellationToken.None);
            return name;
        }

        var redactFirst = await KeepAsync("sto_1", "wh-redact", """{"customer":{"email":"ayesha@example.pk"}}""");
        var redactRetry = await KeepAsync("sto_1", "wh-redact", """{"customer":{"email":"ayesha@example.pk"}}""");
        var mentioning = await KeepAsync("sto_1", "wh-order-1", """{"email":"ayesha@example.pk"}""");
        var other = await KeepAsync("sto_1", "wh-order-2", """{"email":"bilal@example.pk"}""");
        var otherStore = await KeepAsync("sto_2", "wh-order-3", """{"email":"ayesha@example.pk"}""");

        var deleted = await new BlobWebhookPayloadPurge(storage).PurgeAsync(
            merchant, "sto_1", payload => Encoding.UTF8.GetString(payload.Span).Contains("ayesha@", StringComparison.Ordinal), "wh-redact", CancellationToken.None);

        var left = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, merchant.Value + "/", CancellationToken.None))
        {
            left.Add(blob.Name);
        }

        Assert.Equal(1, deleted);
        Assert.DoesNotContain(mentioning, left);
        Assert.Equal(new[] { redactFirst, redactRetry, other, otherStore }.Order(StringComparer.Ordinal), left.Order(StringComparer.Ordinal));
    }
}
