using Azure;
using Azure.Data.Tables;
using SooperSeller.Core.Activity;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Staff;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.Infrastructure.Staff;

/// <summary>
/// Access grants in Table storage (table <c>accessgrants</c>): partition = merchant id, row = grant id, so a merchant's
/// grants are one partition; an index row (partition <c>index</c>) maps a grant id to its merchant for staff approval.
/// </summary>
public sealed class TableAccessGrants(StorageClients storage) : IAccessGrants
{
    public const string TableName = "accessgrants";
    private const string IndexPartition = "index";

    private TableClient Table => storage.Tables.GetTableClient(TableName);

    public async Task AddAsync(AccessGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        await Table.AddEntityAsync(new TableEntity(IndexPartition, grant.GrantId) { ["MerchantId"] = grant.MerchantId.Value }, cancellationToken);
        await Table.AddEntityAsync(ToEntity(grant), cancellationToken);
    }

    public async Task<AccessGrant?> GetAsync(MerchantId merchantId, string grantId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(grantId) || !grantId.StartsWith("grt_", StringComparison.Ordinal))
        {
            return null;
        }

        var read = await Table.GetEntityIfExistsAsync<TableEntity>(merchantId.Value, grantId, cancellationToken: cancellationToken);
        return read.HasValue && read.Value is { } row ? FromEntity(row) : null;
    }

    public async Task<AccessGrant?> FindAsync(string grantId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(grantId) || !grantId.StartsWith("grt_", StringComparison.Ordinal))
        {
            return null;
        }

        var index = await Table.GetEntityIfExistsAsync<TableEntity>(IndexPartition, grantId, cancellationToken: cancellationToken);
        return index.HasValue && index.Value is { } row ? await GetAsync(MerchantId.Parse(row.GetString("MerchantId")), grantId, cancellationToken) : null;
    }

    public async Task<IReadOnlyList<AccessGrant>> ListAsync(MerchantId merchantId, CancellationToken cancellationToken)
    {
        var grants = new List<AccessGrant>();
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == merchantId.Value, cancellationToken: cancellationToken))
        {
            grants.Add(FromEntity(row));
        }

        return [.. grants.OrderByDescending(g => g.RequestedAt)];
    }

    public async Task UpdateAsync(AccessGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        try
        {
            await Table.UpdateEntityAsync(ToEntity(grant), grant.Version is { } version ? new ETag(version) : ETag.All, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            throw new ConflictException("This request changed meanwhile; look again.");
        }
    }

    private static TableEntity ToEntity(AccessGrant grant) => new(grant.MerchantId.Value, grant.GrantId)
    {
        ["RequestedBy"] = grant.RequestedBy,
        ["Reason"] = grant.Reason,
        ["Hours"] = grant.Hours,
        ["RequestedAt"] = grant.RequestedAt,
        ["Decision"] = grant.Decision.ToString(),
        ["DecidedByKind"] = grant.DecidedBy?.Kind.ToString(),
        ["DecidedById"] = grant.DecidedBy?.Id,
        ["DecidedAt"] = grant.DecidedAt,
        ["RevokedByKind"] = grant.RevokedBy?.Kind.ToString(),
        ["RevokedById"] = grant.RevokedBy?.Id,
        ["RevokedAt"] = grant.RevokedAt,
    };

    private static AccessGrant FromEntity(TableEntity row) => new(
        row.RowKey,
        MerchantId.Parse(row.PartitionKey),
        row.GetString("RequestedBy"),
        row.GetString("Reason"),
        row.GetInt32("Hours")!.Value,
        row.GetDateTimeOffset("RequestedAt")!.Value,
        Enum.Parse<AccessGrantDecision>(row.GetString("Decision")),
        row.GetString("DecidedById") is { } id ? new ActivityActor(Enum.Parse<ActorKind>(row.GetString("DecidedByKind")), id) : null,
        row.GetDateTimeOffset("DecidedAt"))
    {
        Version = row.ETag.ToString(),
        RevokedBy = row.GetString("RevokedById") is { } revoker ? new ActivityActor(Enum.Parse<ActorKind>(row.GetString("RevokedByKind")), revoker) : null,
        RevokedAt = row.GetDateTimeOffset("RevokedAt"),
    };
}
