using Azure;
using Azure.Data.Tables;
using SooperSeller.Core.Stores.Backfill;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.Infrastructure.Stores.Backfill;

/// <summary>
/// Backfill checkpoints (table <c>backfills</c>): partition = merchant, row = store id. Ids, times and counts only; one
/// point read when a step starts and one upsert every <see cref="BackfillHandler.CheckpointEvery"/> orders, far cheaper
/// than writing progress into the durable history.
/// </summary>
public sealed class TableBackfillCheckpoints(StorageClients storage) : IBackfillCheckpoints
{
    public const string TableName = "backfills";

    private TableClient Table => storage.Tables.GetTableClient(TableName);

    public async Task<BackfillCheckpoint?> GetAsync(MerchantId merchantId, string storeId, CancellationToken cancellationToken)
    {
        var read = await Table.GetEntityIfExistsAsync<TableEntity>(merchantId.Value, storeId, cancellationToken: cancellationToken);
        if (!read.HasValue || read.Value is not { } row)
        {
            return null;
        }

        return new BackfillCheckpoint(
            row.GetString("BulkOperationId"),
            row.GetDateTimeOffset("ConnectedAt") ?? DateTimeOffset.MinValue,
            row.GetDateTimeOffset("StartedAt") ?? DateTimeOffset.MinValue,
            row.GetDateTimeOffset("Since") ?? DateTimeOffset.MinValue,
            row.GetInt64("OrdersApplied") ?? 0,
            row.GetInt64("LastOrderId") ?? 0,
            row.GetBoolean("Completed") ?? false)
        { Version = row.ETag.ToString() };
    }

    public async Task SaveAsync(MerchantId merchantId, string storeId, BackfillCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var row = new TableEntity(merchantId.Value, storeId)
        {
            ["BulkOperationId"] = checkpoint.BulkOperationId,
            ["ConnectedAt"] = checkpoint.ConnectedAt.ToUniversalTime(),
            ["StartedAt"] = checkpoint.StartedAt.ToUniversalTime(),
            ["Since"] = checkpoint.Since.ToUniversalTime(),
            ["OrdersApplied"] = checkpoint.OrdersApplied,
            ["LastOrderId"] = checkpoint.LastOrderId,
            ["Completed"] = checkpoint.Completed,
        };
        await Table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }
}
