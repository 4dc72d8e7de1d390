using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SooperSeller.DevHost.Emulators;
using SooperSeller.Infrastructure.Privacy;
using SooperSeller.Infrastructure.Storage;
using SooperSeller.Infrastructure.Stores.Webhooks;

namespace SooperSeller.IntegrationTests.Privacy;

/// <summary>The hourly blob sweep, on an Azurite of its own (it reaches every blob of its containers).</summary>
public sealed class BlobRetentionSweepTests
{
    [Fact]
    public async Task RunAsync_DeletesWebhookPayloadsAfter14DaysAndPackagesAfter30_KeepsYoungerOnes()
    {
        await using var azurite = await Azurite.StartAsync(location: null, NullLogger.Instance, CancellationToken.None);
        var storage = StorageClients.FromConnectionString(azurite.ConnectionString);
        var claimChecks = storage.Blobs.GetBlobContainerClient(BlobWebhookClaimChecks.ContainerName);
        var exports = storage.Blobs.GetBlobContainerClient(BlobDataRequestPackages.ContainerName);
        await claimChecks.CreateIfNotExistsAsync();
        await exports.CreateIfNotExistsAsync();
        await claimChecks.UploadBlobAsync("mer_1/shopify/sto_1/wh-1.json", BinaryData.FromString("{}"));
        await exports.UploadBlobAsync("mer_1/data-requests/shopify-1.json", BinaryData.FromString("{}"));
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var sweep = new BlobRetentionSweep(storage, time);

        var atOnce = await sweep.RunAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromDays(15));
        var after15Days = await sweep.RunAsync(CancellationToken.None);
        var claimChecksLeft = await claimChecks.GetBlobsAsync().CountAsync();
        var exportsLeft = await exports.GetBlobsAsync().CountAsync();
        time.Advance(TimeSpan.FromDays(16));
        var after31Days = await sweep.RunAsync(CancellationToken.None);

        Assert.Equal(0, atOnce);
        Assert.Equal(1, after15Days);
        Assert.Equal(0, claimChecksLeft);
        Assert.Equal(1, exportsLeft);
        Assert.Equal(1, after31Days);
        Assert.Equal(0, await exports.GetBlobsAsync().CountAsync());
    }
}
