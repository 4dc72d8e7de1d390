using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using SooperSeller.Core.Stores.Backfill;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.Functions.Stores.Backfill;

/// <summary>
/// The backfill orchestration's input and every activity's, ids only (architecture section 4), as one string
/// <c>{merchantId}|{storeId}|{polls}</c>: a string any host can (de)serialise, and one that cannot be read is a store
/// with nothing to do rather than a failed orchestration.
/// </summary>
public sealed record BackfillInput(string MerchantId, string StoreId, int Polls = 0)
{
    public string Format() => $"{MerchantId}|{StoreId}|{Polls}";

    public static bool TryParse(string? text, out MerchantId merchantId, out string storeId, out int polls)
    {
        var parts = text?.Split('|') ?? [];
        storeId = parts.Length == 3 ? parts[1] : string.Empty;
        polls = parts.Length == 3 && int.TryParse(parts[2], System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : 0;
        return parts.Length == 3 & SooperSeller.Core.Tenancy.MerchantId.TryParse(parts.Length == 3 ? parts[0] : null, out merchantId) && storeId.Length > 0;
    }
}

/// <summary>
/// A store's backfill (instance id <c>{merchantId}:backfill:{storeId}</c>): start the bulk operation (or find the one a
/// killed run started), wait for it to finish (Shopify's <c>bulk_operations/finish</c> raises <see cref="FinishedEvent"/>;
/// a durable timer polls in case the webhook never comes), then stream and apply the result, or record the failure.
/// Progress is checkpointed by the activities outside the history, so a retried or re-scheduled run resumes instead of
/// starting over. Deterministic: time comes from the context.
/// </summary>
public static class BackfillOrchestrator
{
    public const string FinishedEvent = "BulkOperationFinished";

    /// <summary>After this many polls the orchestration continues as new, so its history stays short over a long wait.</summary>
    private const int PollsPerGeneration = 40;

    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(5), 2, TimeSpan.FromMinutes(2)));

    public static string InstanceIdOf(string merchantId, string storeId) => $"{merchantId}:backfill:{storeId}";

    public static async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        _ = BackfillInput.TryParse(input, out var merchantId, out var storeId, out var polls);
        if (polls == 0)
        {
            await context.CallActivityAsync<bool>(nameof(BackfillActivities.StartBackfill), input, Retry);
        }

        for (var poll = polls; ; poll++)
        {
            var state = await context.CallActivityAsync<BulkOperationState>(nameof(BackfillActivities.CheckBackfill), input, Retry);
            if (state != BulkOperationState.Running)
            {
                break;
            }

            if (poll - polls >= PollsPerGeneration)
            {
                context.ContinueAsNew(new BackfillInput(merchantId.Value, storeId, poll + 1).Format());
                return "continued";
            }

            using var cancel = new CancellationTokenSource();
            var finished = context.WaitForExternalEvent<string>(FinishedEvent, cancel.Token);
            var timer = context.CreateTimer(context.CurrentUtcDateTime.Add(PollInterval(poll)), cancel.Token);
            await Task.WhenAny(finished, timer);
            await cancel.CancelAsync();
        }

        return await context.CallActivityAsync<bool>(nameof(BackfillActivities.FinishBackfill), input, Retry) ? "completed" : "failed";
    }

    /// <summary>5 s at first (small shops finish in seconds), doubling to a minute (large ones take many minutes).</summary>
    private static TimeSpan PollInterval(int poll) => TimeSpan.FromSeconds(Math.Min(60, 5 * Math.Pow(2, Math.Min(poll, 4))));

    [Function(nameof(BackfillOrchestrator))]
    public static Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        RunAsync(context, context?.GetInput<string>() ?? string.Empty);
}
