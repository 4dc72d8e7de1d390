using Azure.Data.Tables;
using SooperSeller.Core.Stores.Sync;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.Infrastructure.Stores.Sync;

/// <summary>
/// Incremental sync watermarks (table <c>syncwatermarks</c>): partition = merchant, row = <c>{storeId}|orders</c> or
/// <c>{storeId}|products</c>, one <c>Watermark</c> column. One point read and one upsert per page applied: far cheaper
/// than a Cosmos document, and nothing personal is in it.
/// </summary>
public sealed class TableSyncWatermarks(StorageClients storage) : ISyncWatermarks
{
    public const string TableName = "syncwatermarks";

    private TableClient Table => storage.Tables.GetTableClient(TableName);

    public async Task<DateTimeOffset?> GetAsync(MerchantId merchantId, string storeId, SyncResource resource, CancellationToken cancellationToken)
    {
        var read = await Table.GetEntityIfExistsAsync<TableEntity>(merchantId.Value, RowOf(storeId, resource), cancellationToken: cancellationToken);
        return read.HasValue && read.Value is { } row ? row.GetDateTimeOffset("Watermark") : null;
    }

    public async Task SaveAsync(MerchantId merchantId, string storeId, SyncResource resource, DateTimeOffset watermark, CancellationToken cancellationToken) =>
        await Table.UpsertEntityAsync(new TableEntity(merchantId.Value, RowOf(storeId, resource)) { ["Watermark"] = watermark.ToUniversalTime() }, TableUpdateMode.Replace, cancellationToken);

    private static string RowOf(string storeId, SyncResource resource) =>
        $"{storeId}|{(resource == SyncResource.Orders ? "orders" : "products")}";
}
