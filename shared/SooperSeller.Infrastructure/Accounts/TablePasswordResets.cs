using Azure;
using Azure.Data.Tables;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.PasswordReset;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.Infrastructure.Accounts;

/// <summary>Pending password resets in Table storage (table <c>passwordresets</c>), keyed by the hash of their link's token.</summary>
public sealed class TablePasswordResets(StorageClients storage) : IPasswordResets
{
    public const string TableName = "passwordresets";
    private const string Row = "reset";

    private TableClient Table => storage.Tables.GetTableClient(TableName);

    public async Task AddAsync(string tokenHash, PendingPasswordReset reset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reset);
        await Table.AddEntityAsync(
            new TableEntity(tokenHash, Row)
            {
                ["UserId"] = reset.UserId,
                ["Email"] = reset.Email.Value,
                ["CredentialVersion"] = reset.CredentialVersion,
                ["ExpiresAt"] = reset.ExpiresAt,
            },
            cancellationToken);
    }

    public async Task<PendingPasswordReset?> FindAsync(string tokenHash, CancellationToken cancellationToken)
    {
        var read = await Table.GetEntityIfExistsAsync<TableEntity>(tokenHash, Row, cancellationToken: cancellationToken);
        return read.HasValue && read.Value is { } row && EmailAddress.TryParse(row.GetString("Email"), out var email)
            ? new PendingPasswordReset(row.GetString("UserId"), email, row.GetString("CredentialVersion"), row.GetDateTimeOffset("ExpiresAt")!.Value)
            : null;
    }

    public async Task<bool> RemoveAsync(string tokenHash, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(tokenHash, Row, ETag.All, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }
}
