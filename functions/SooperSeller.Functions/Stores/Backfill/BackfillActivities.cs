using Microsoft.Azure.Functions.Worker;
using SooperSeller.Core.Stores.Backfill;

namespace SooperSeller.Functions.Stores.Backfill;

/// <summary>
/// The backfill's activities: thin calls into <see cref="BackfillHandler"/>, which keeps every step idempotent. An input
/// that names no store (it cannot be read) has nothing to do.
/// </summary>
public sealed class BackfillActivities(BackfillHandler handler)
{
    [Function(nameof(StartBackfill))]
    public async Task<bool> StartBackfill([ActivityTrigger] string input, CancellationToken cancellationToken = default) =>
        BackfillInput.TryParse(input, out var merchantId, out var storeId, out _) && await handler.StartAsync(merchantId, storeId, cancellationToken);

    [Function(nameof(CheckBackfill))]
    public async Task<BulkOperationState> CheckBackfill([ActivityTrigger] string input, CancellationToken cancellationToken = default) =>
        BackfillInput.TryParse(input, out var merchantId, out var storeId, out _) ? await handler.CheckAsync(merchantId, storeId, cancellationToken) : BulkOperationState.Failed;

    /// <summary>Applies the completed result, or records the failure; true when the backfill completed.</summary>
    [Function(nameof(FinishBackfill))]
    public async Task<bool> FinishBackfill([ActivityTrigger] string input, CancellationToken cancellationToken = default) =>
        BackfillInput.TryParse(input, out var merchantId, out var storeId, out _) && await handler.FinishAsync(merchantId, storeId, cancellationToken);
}
