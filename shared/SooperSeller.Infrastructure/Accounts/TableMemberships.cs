using Azure;
using Azure.Data.Tables;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.Infrastructure.Accounts;

/// <summary>
/// Each person's memberships across merchants in Table storage (table <c>memberships</c>): PK = the user id, RK = the
/// merchant id, with the role, when they joined and when they last signed in to or switched to it. An index kept by
/// <see cref="CosmosMerchantDirectory"/>; the member document in the merchant's partition stays the truth.
/// </summary>
public sealed class TableMemberships(StorageClients storage)
{
    public const string TableName = "memberships";

    private TableClient Table => storage.Tables.GetTableClient(TableName);

    /// <summary>Adds the row, or sets its role and keeps its dates when it exists.</summary>
    public async Task UpsertAsync(string userId, MerchantId merchantId, Role role, DateTimeOffset joinedAt, CancellationToken cancellationToken)
    {
        var read = await Table.GetEntityIfExistsAsync<TableEntity>(userId, merchantId.Value, cancellationToken: cancellationToken);
        var row = read.HasValue && read.Value is { } existing ? existing : new TableEntity(userId, merchantId.Value) { ["JoinedAt"] = joinedAt };
        row["Role"] = role.ToString();
        await Table.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task RemoveAsync(string userId, MerchantId merchantId, CancellationToken cancellationToken) =>
        await Table.DeleteEntityAsync(userId, merchantId.Value, ETag.All, cancellationToken);

    /// <summary>Sets when the membership was last used; nothing when the row is gone (a removal won the race).</summary>
    public async Task MarkUsedAsync(string userId, MerchantId merchantId, DateTimeOffset usedAt, CancellationToken cancellationToken)
    {
        try
        {
            await Table.UpdateEntityAsync(new TableEntity(userId, merchantId.Value) { ["LastUsedAt"] = usedAt }, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    public async Task<IReadOnlyList<Membership>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        var list = new List<Membership>();
        await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {userId}"), cancellationToken: cancellationToken))
        {
            if (MerchantId.TryParse(row.RowKey, out var merchantId) && Enum.TryParse<Role>(row.GetString("Role"), out var role) && row.GetDateTimeOffset("JoinedAt") is { } joinedAt)
            {
                list.Add(new Membership(merchantId, role, joinedAt, row.GetDateTimeOffset("LastUsedAt")));
            }
        }

        return list;
    }
}
