namespace SooperSeller.Infrastructure.Storage;

/// <summary>
/// Counts the messages waiting in every <c>-poison</c> queue of the account: work that failed five times and now waits
/// for someone to fix the cause and replay it. The alert on this depth is how anyone learns of it.
/// </summary>
public sealed class PoisonQueueMonitor(StorageClients storage)
{
    public const string Suffix = "-poison";

    public async Task<IReadOnlyList<PoisonQueueDepth>> MeasureAsync(CancellationToken cancellationToken)
    {
        var depths = new List<PoisonQueueDepth>();
        await foreach (var queue in storage.Queues.GetQueuesAsync(cancellationToken: cancellationToken))
        {
            if (queue.Name.EndsWith(Suffix, StringComparison.Ordinal))
            {
                var properties = await storage.Queues.GetQueueClient(queue.Name).GetPropertiesAsync(cancellationToken);
                depths.Add(new PoisonQueueDepth(queue.Name, properties.Value.ApproximateMessagesCount));
            }
        }

        return depths;
    }
}

public sealed record PoisonQueueDepth(string Queue, int Messages);
