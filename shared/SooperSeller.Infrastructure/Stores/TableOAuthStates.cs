using Azure;
using Azure.Data.Tables;
using SooperSeller.Core.Stores;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.Infrastructure.Stores;

/// <summary>
/// Pending Shopify authorizations (table <c>oauthstates</c>), keyed by the SHA-256 of the state nonce. Taking one
/// deletes it with the read ETag, so of two racing callbacks with the same state only one gets it.
/// </summary>
public sealed class TableOAuthStates(StorageClients storage) : IOAuthStates
{
    public const string TableName = "oauthstates";
    private const string Row = "state";

    private TableClient Table => storage.Tables.GetTableClient(TableName);

    public async Task AddAsync(OAuthState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        await Table.AddEntityAsync(
            new TableEntity(state.StateHash, Row)
            {
                ["MerchantId"] = state.MerchantId.Value,
                ["UserId"] = state.UserId,
                ["SessionId"] = state.SessionId,
                ["ShopDomain"] = state.ShopDomain,
                ["ExpiresAt"] = state.ExpiresAt,
            },
            cancellationToken);
    }

    public async Task<OAuthState?> TakeAsync(string stateHash, CancellationToken cancellationToken)
    {
        var read = await Table.GetEntityIfExistsAsync<TableEntity>(stateHash, Row, cancellationToken: cancellationToken);
        if (!read.HasValue || read.Value is not { } row)
        {
            return null;
        }

        try
        {
            await Table.DeleteEntityAsync(stateHash, Row, row.ETag, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return null;
        }

        return new OAuthState(stateHash, MerchantId.Parse(row.GetString("MerchantId")), row.GetString("UserId"), row.GetString("SessionId"), row.GetString("ShopDomain"), row.GetDateTimeOffset("ExpiresAt")!.Value);
    }
}
