using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.DevHost.Hosting;

/// <summary>Creates what the Functions app expects to exist: each queue function's queue and poison queue, the declared tables and blob containers.</summary>
internal static class StorageProvisioner
{
    public static async Task<IReadOnlyList<string>> EnsureCreatedAsync(StorageClients storage, FunctionCatalog catalog, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var queues = catalog.Queues
            .Select(f => SettingReference.Resolve(f.QueueName, configuration))
            .SelectMany(q => new[] { q, QueueFunctionListener.PoisonQueueOf(q) })
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var queue in queues)
        {
            await storage.Queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        foreach (var table in StorageDeclarations.Tables)
        {
            await storage.Tables.CreateTableIfNotExistsAsync(table, cancellationToken);
        }

        foreach (var container in StorageDeclarations.BlobContainers)
        {
            await storage.Blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        return queues;
    }
}
