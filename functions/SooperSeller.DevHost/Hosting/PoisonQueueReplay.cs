using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.DevHost.Hosting;

/// <summary>
/// <c>replay &lt;queue&gt; [--max N]</c>: moves messages from <c>&lt;queue&gt;-poison</c> back to <c>&lt;queue&gt;</c>, intact, each
/// sent before it is deleted (a crash in between duplicates a message, never loses one; handlers are idempotent).
/// </summary>
public static class PoisonQueueReplay
{
    public static async Task<int> RunAsync(StorageClients storage, string queueName, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var target = queueName.EndsWith("-poison", StringComparison.Ordinal) ? queueName[..^"-poison".Length] : queueName;
        var poison = storage.Queues.GetQueueClient(QueueFunctionListener.PoisonQueueOf(target));
        var queue = storage.Queues.GetQueueClient(target);
        if (!(await poison.ExistsAsync(cancellationToken)).Value)
        {
            throw new InvalidOperationException($"Queue '{poison.Name}' does not exist in this storage account.");
        }

        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var moved = 0;
        while (moved < max)
        {
            var batch = (await poison.ReceiveMessagesAsync(Math.Min(32, max - moved), TimeSpan.FromMinutes(1), cancellationToken)).Value;
            if (batch.Length == 0)
            {
                break;
            }

            foreach (var message in batch)
            {
                await queue.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
                await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                moved++;
            }
        }

        return moved;
    }

    /// <summary>The command line: storage from <c>AzureWebJobsStorage</c>, else the running DevHost's Azurite.</summary>
    public static async Task<int> MainAsync(string[] args, IConfiguration configuration, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (args.Length < 2 || args[1].StartsWith('-'))
        {
            await output.WriteLineAsync("usage: replay <queue> [--max N]   (moves messages from <queue>-poison back to <queue>)");
            return 2;
        }

        var max = 1000;
        var maxAt = Array.IndexOf(args, "--max");
        if (maxAt >= 0 && (maxAt + 1 >= args.Length || !int.TryParse(args[maxAt + 1], System.Globalization.CultureInfo.InvariantCulture, out max) || max < 1))
        {
            await output.WriteLineAsync("--max takes a positive whole number");
            return 2;
        }

        StorageClients storage;
        if (!string.IsNullOrWhiteSpace(configuration[StorageClients.SettingName]) || !string.IsNullOrWhiteSpace(configuration[$"{StorageClients.SettingName}:queueServiceUri"]))
        {
            storage = StorageClients.FromConfiguration(configuration);
        }
        else if (File.Exists(LocalState.RunningStoragePath))
        {
            storage = StorageClients.FromConnectionString((await File.ReadAllTextAsync(LocalState.RunningStoragePath, cancellationToken)).Trim());
        }
        else
        {
            await output.WriteLineAsync("No storage to replay in: set AzureWebJobsStorage, or start the DevHost first (its Azurite lives only while it runs).");
            return 2;
        }

        var moved = await RunAsync(storage, args[1], max, cancellationToken);
        await output.WriteLineAsync($"Moved {moved} message(s) from {args[1].Replace("-poison", string.Empty, StringComparison.Ordinal)}-poison back to {args[1].Replace("-poison", string.Empty, StringComparison.Ordinal)}.");
        return 0;
    }
}
