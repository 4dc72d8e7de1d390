using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.Infrastructure.Accounts;

/// <summary>
/// The email lookup in Table storage (table <c>emaillookup</c>): partition = SHA-256 of the normalised email, so the
/// address itself is not stored here and lookups spread over partitions. A create-only insert decides who holds an
/// address; the row's ETag guards password-hash updates.
/// </summary>
public sealed class TableEmailLookup(StorageClients storage) : IEmailLookup
{
    public const string TableName = "emaillookup";
    private const string Row = "credential";

    private TableClient Table => storage.Tables.GetTableClient(TableName);

    public async Task<Credential?> FindAsync(EmailAddress email, CancellationToken cancellationToken)
    {
        var read = await Table.GetEntityIfExistsAsync<TableEntity>(KeyOf(email), Row, cancellationToken: cancellationToken);
        return read.HasValue && read.Value is { } row ? ToCredential(email, row) : null;
    }

    public async Task<Credential> AddOrGetAsync(Credential credential, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        try
        {
            var response = await Table.AddEntityAsync(
                new TableEntity(KeyOf(credential.Email), Row)
                {
                    ["UserId"] = credential.UserId,
                    ["MerchantId"] = credential.MerchantId.Value,
                    ["PasswordHash"] = credential.PasswordHash,
                },
                cancellationToken);
            return credential with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return await FindAsync(credential.Email, cancellationToken) ?? throw new InvalidOperationException("The email lookup row vanished while it was being read.");
        }
    }

    public async Task UpdatePasswordHashAsync(Credential credential, string passwordHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        try
        {
            await Table.UpdateEntityAsync(
                new TableEntity(KeyOf(credential.Email), Row) { ["PasswordHash"] = passwordHash },
                credential.Version is { } version ? new ETag(version) : ETag.All,
                TableUpdateMode.Merge,
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            throw new ConflictException("The account changed meanwhile; try again.");
        }
    }

    public async Task SetTotpAsync(Credential credential, bool enabled, long lastTotpStep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        if (!await TryMergeAsync(credential, new TableEntity(KeyOf(credential.Email), Row) { ["TotpEnabled"] = enabled, ["LastTotpStep"] = lastTotpStep }, cancellationToken))
        {
            throw new ConflictException("The account changed meanwhile; try again.");
        }
    }

    public Task<bool> TryUseTotpStepAsync(Credential credential, long timeStep, string? newPasswordHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var row = new TableEntity(KeyOf(credential.Email), Row) { ["LastTotpStep"] = timeStep };
        if (newPasswordHash is not null)
        {
            row["PasswordHash"] = newPasswordHash;
        }

        return TryMergeAsync(credential, row, cancellationToken);
    }

    private async Task<bool> TryMergeAsync(Credential credential, TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await Table.UpdateEntityAsync(row, credential.Version is { } version ? new ETag(version) : ETag.All, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    private static Credential ToCredential(EmailAddress email, TableEntity row) =>
        new(email, row.GetString("UserId"), MerchantId.Parse(row.GetString("MerchantId")), row.GetString("PasswordHash"))
        {
            Version = row.ETag.ToString(),
            TotpEnabled = row.GetBoolean("TotpEnabled") ?? false,
            LastTotpStep = row.GetInt64("LastTotpStep") ?? 0,
        };

    private static string KeyOf(EmailAddress email) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Value)));
}
