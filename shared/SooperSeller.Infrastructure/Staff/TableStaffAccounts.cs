using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Staff;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.Infrastructure.Staff;

/// <summary>Staff accounts in Table storage (table <c>staff</c>): partition = SHA-256 of the normalised email. No TOTP secret here.</summary>
public sealed class TableStaffAccounts(StorageClients storage) : IStaffAccounts
{
    public const string TableName = "staff";
    private const string Row = "account";

    private TableClient Table => storage.Tables.GetTableClient(TableName);

    public async Task<StaffAccount?> FindAsync(EmailAddress email, CancellationToken cancellationToken)
    {
        var read = await Table.GetEntityIfExistsAsync<TableEntity>(KeyOf(email), Row, cancellationToken: cancellationToken);
        return read.HasValue && read.Value is { } row
            ? new StaffAccount(row.GetString("StaffId"), email, row.GetString("PasswordHash"), row.GetInt64("LastTotpStep") ?? 0) { Version = row.ETag.ToString() }
            : null;
    }

    public async Task<bool> AddAsync(StaffAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        try
        {
            await Table.AddEntityAsync(
                new TableEntity(KeyOf(account.Email), Row) { ["StaffId"] = account.StaffId, ["PasswordHash"] = account.PasswordHash, ["LastTotpStep"] = account.LastTotpStep },
                cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<bool> TryUseTotpStepAsync(StaffAccount account, long timeStep, string? newPasswordHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var row = new TableEntity(KeyOf(account.Email), Row) { ["LastTotpStep"] = timeStep };
        if (newPasswordHash is not null)
        {
            row["PasswordHash"] = newPasswordHash;
        }

        try
        {
            await Table.UpdateEntityAsync(
                row,
                account.Version is { } version ? new ETag(version) : ETag.All,
                TableUpdateMode.Merge,
                cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    private static string KeyOf(EmailAddress email) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Value)));
}
