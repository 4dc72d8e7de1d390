using Azure;
using Azure.Data.Tables;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Team;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.Infrastructure.Accounts;

/// <summary>
/// Invitations in Table storage (table <c>invitations</c>): the invitation row in its merchant's partition (RK = its id,
/// with the hash of its link's token), and an index row keyed by that hash pointing back at it. A link opens an
/// invitation only while the invitation row exists and still carries the link's hash, so revoking, replacing (resend)
/// or using an invitation removes the one row and every older link stops working at once.
/// </summary>
public sealed class TableInvitations(StorageClients storage) : IInvitations
{
    public const string TableName = "invitations";
    private const string TokenRow = "token";
    private const string MerchantPrefix = "merchant_";
    private const string TokenPrefix = "token_";

    private TableClient Table => storage.Tables.GetTableClient(TableName);

    public async Task AddAsync(string tokenHash, Invitation invitation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        // The index first: an index row without its invitation opens nothing.
        await Table.AddEntityAsync(
            new TableEntity(TokenPrefix + tokenHash, TokenRow) { ["MerchantId"] = invitation.MerchantId.Value, ["InvitationId"] = invitation.Id, ["ExpiresAt"] = invitation.ExpiresAt },
            cancellationToken);
        await Table.AddEntityAsync(
            new TableEntity(MerchantPrefix + invitation.MerchantId.Value, invitation.Id)
            {
                ["TokenHash"] = tokenHash,
                ["Email"] = invitation.Email.Value,
                ["Role"] = invitation.Role.ToString(),
                ["InvitedBy"] = invitation.InvitedBy,
                ["UserId"] = invitation.UserId,
                ["CreatedAt"] = invitation.CreatedAt,
                ["ExpiresAt"] = invitation.ExpiresAt,
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<Invitation>> ListAsync(MerchantId merchantId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {MerchantPrefix + merchantId.Value}");
        var list = new List<Invitation>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (ToInvitation(merchantId, row) is { } invitation)
            {
                list.Add(invitation);
            }
        }

        return list;
    }

    public async Task<Invitation?> GetAsync(MerchantId merchantId, string invitationId, CancellationToken cancellationToken)
    {
        if (!IsKeySafe(invitationId))
        {
            return null;
        }

        var read = await Table.GetEntityIfExistsAsync<TableEntity>(MerchantPrefix + merchantId.Value, invitationId, cancellationToken: cancellationToken);
        return read.HasValue && read.Value is { } row ? ToInvitation(merchantId, row) : null;
    }

    public async Task<Invitation?> FindByTokenAsync(string tokenHash, CancellationToken cancellationToken)
    {
        var index = await Table.GetEntityIfExistsAsync<TableEntity>(TokenPrefix + tokenHash, TokenRow, cancellationToken: cancellationToken);
        if (!index.HasValue || index.Value is not { } pointer)
        {
            return null;
        }

        var merchantId = MerchantId.Parse(pointer.GetString("MerchantId"));
        var read = await Table.GetEntityIfExistsAsync<TableEntity>(MerchantPrefix + merchantId.Value, pointer.GetString("InvitationId"), cancellationToken: cancellationToken);
        return read.HasValue && read.Value is { } row && row.GetString("TokenHash") == tokenHash ? ToInvitation(merchantId, row) : null;
    }

    public async Task<bool> RemoveAsync(MerchantId merchantId, string invitationId, CancellationToken cancellationToken)
    {
        if (!IsKeySafe(invitationId))
        {
            return false;
        }

        var read = await Table.GetEntityIfExistsAsync<TableEntity>(MerchantPrefix + merchantId.Value, invitationId, cancellationToken: cancellationToken);
        if (!read.HasValue || read.Value is not { } row)
        {
            return false;
        }

        try
        {
            await Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }

        // The index row is harmless once its invitation is gone; removing it is tidiness.
        try
        {
            await Table.DeleteEntityAsync(TokenPrefix + row.GetString("TokenHash"), TokenRow, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }

        return true;
    }

    private static bool IsKeySafe(string? id) => !string.IsNullOrEmpty(id) && id.Length <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static Invitation? ToInvitation(MerchantId merchantId, TableEntity row) =>
        EmailAddress.TryParse(row.GetString("Email"), out var email) && Enum.TryParse<Role>(row.GetString("Role"), out var role)
            ? new Invitation(row.RowKey, merchantId, email, role, row.GetString("InvitedBy"), row.GetString("UserId"), row.GetDateTimeOffset("CreatedAt")!.Value, row.GetDateTimeOffset("ExpiresAt")!.Value)
            : null;
}
