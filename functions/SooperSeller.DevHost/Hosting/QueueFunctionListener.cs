using System.Reflection;
using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.DevHost.Hosting;

/// <summary>
/// Runs queue functions with the Functions host's semantics: base64 messages, batches of host.json's
/// <c>batchSize</c>, polling that backs off to <c>maxPollingInterval</c> when idle, the message released for a retry
/// after <c>visibilityTimeout</c> when the function throws, and moved intact to <c>&lt;queue&gt;-poison</c> once it has
/// been dequeued <c>maxDequeueCount</c> times.
/// </summary>
internal sealed partial class QueueFunctionListener(
    FunctionCatalog catalog,
    StorageClients storage,
    HostJson hostJson,
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    FunctionInvocations invocations,
    ILogger<QueueFunctionListener> logger) : BackgroundService
{
    /// <summary>How long a received message stays invisible while its function runs (the host renews its lease; we give ample time).</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan FirstPollDelay = TimeSpan.FromMilliseconds(100);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string PoisonQueueOf(string queueName) => queueName + "-poison";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(catalog.Queues.Where(f => !FunctionSwitch.IsDisabled(f.Name, configuration)).Select(function => ListenAsync(function, stoppingToken)));

    private async Task ListenAsync(QueueFunction function, CancellationToken cancellationToken)
    {
        var queueName = SettingReference.Resolve(function.QueueName, configuration);
        var queue = storage.Queues.GetQueueClient(queueName);
        var poison = storage.Queues.GetQueueClient(PoisonQueueOf(queueName));
        var delay = FirstPollDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                QueueMessage[] messages = await queue.ReceiveMessagesAsync(hostJson.BatchSize, Lease, cancellationToken);
                if (messages.Length == 0)
                {
                    await Task.Delay(delay, cancellationToken);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, hostJson.MaxPollingInterval.Ticks));
                    continue;
                }

                delay = FirstPollDelay;
                await Task.WhenAll(messages.Select(message => ProcessAsync(function, queue, poison, message, cancellationToken)));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Azure.RequestFailedException e)
            {
                // Storage unavailable (Azurite stopped, network): keep polling at the slowest rate, as the host does.
                Log.PollFailed(logger, queueName, e.Status);
                await Task.Delay(hostJson.MaxPollingInterval, cancellationToken);
            }
        }
    }

    private async Task ProcessAsync(QueueFunction function, QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                await FunctionInvoker.InvokeAsync(function.Name, function.Method, scope.ServiceProvider, invocations, (ParameterInfo parameter, out object? value) => Bind(function, parameter, message, cancellationToken, out value));
            }

            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            Log.Failed(logger, exception, function.Name, message.MessageId, message.DequeueCount, exception.GetType().Name);
            if (message.DequeueCount >= hostJson.MaxDequeueCount)
            {
                await poison.SendMessageAsync(message.Body, cancellationToken: CancellationToken.None);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
                Log.Poisoned(logger, message.MessageId, poison.Name, message.DequeueCount);
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: hostJson.VisibilityTimeout, cancellationToken: CancellationToken.None);
            }
        }
    }

    // The trigger parameter gets the message (string, BinaryData, byte[], QueueMessage, or JSON into a POCO); others may
    // take the trigger's binding data by name, as in Functions: dequeueCount, id, insertionTime, expirationTime, popReceipt.
    private static bool Bind(QueueFunction function, ParameterInfo parameter, QueueMessage message, CancellationToken cancellationToken, out object? value)
    {
        var type = parameter.ParameterType;
        if (parameter == function.Trigger || parameter.Position == function.Trigger.Position)
        {
            value = type == typeof(string) ? message.Body.ToString()
                : type == typeof(BinaryData) ? message.Body
                : type == typeof(byte[]) ? message.Body.ToArray()
                : type == typeof(QueueMessage) ? message
                : JsonSerializer.Deserialize(message.Body.ToMemory().Span, type, Json);
            return true;
        }

        value = type == typeof(CancellationToken) ? cancellationToken
            : parameter.Name?.ToUpperInvariant() switch
            {
                "DEQUEUECOUNT" => Convert.ChangeType(message.DequeueCount, type, System.Globalization.CultureInfo.InvariantCulture),
                "ID" => message.MessageId,
                "POPRECEIPT" => message.PopReceipt,
                "INSERTIONTIME" => message.InsertedOn,
                "EXPIRATIONTIME" => message.ExpiresOn,
                "NEXTVISIBLETIME" => message.NextVisibleOn,
                _ => null,
            };
        return value is not null;
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Warning, "Queue function {Function} failed on message {MessageId} (attempt {DequeueCount}): {ExceptionType}")]
        public static partial void Failed(ILogger logger, Exception exception, string function, string messageId, long dequeueCount, string exceptionType);

        [LoggerMessage(LogLevel.Error, "Message {MessageId} moved to {PoisonQueue} after {DequeueCount} attempts")]
        public static partial void Poisoned(ILogger logger, string messageId, string poisonQueue, long dequeueCount);

        [LoggerMessage(LogLevel.Warning, "Polling queue {Queue} failed with status {Status}; retrying")]
        public static partial void PollFailed(ILogger logger, string queue, int status);
    }
}
