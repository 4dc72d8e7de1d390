using Microsoft.Azure.Functions.Worker;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.Functions.Platform;

/// <summary>Every hour, deletes webhook payloads older than 14 days and data-request packages older than 30 days.</summary>
public sealed class SweepBlobs(BlobRetentionSweep sweep)
{
    [Function(nameof(SweepBlobs))]
    public Task Run([TimerTrigger("0 41 * * * *")] TimerInfo timer, CancellationToken cancellationToken) => sweep.RunAsync(cancellationToken);
}
