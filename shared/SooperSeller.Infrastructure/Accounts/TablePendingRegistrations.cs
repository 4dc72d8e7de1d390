using Azure;
using Azure.Data.Tables;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.SignUp;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.Infrastructure.Accounts;

/// <summary>Pending sign-ups in Table storage (table <c>registrations</c>), keyed by the hash of their link's token.</summary>
public sealed class TablePendingRegistrations(StorageClients storage) : IPendingRegistrations
{
    public const string TableName = "registrations";
    private const string Row = "registration";

    private TableClient Table => storage.Tables.GetTableClient(TableName);

    public async Task AddAsync(string tokenHash, PendingRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        await Table.AddEntityAsync(
            new TableEntity(tokenHash, Row)
            {
                ["Name"] = registration.Name,
                ["Email"] = registration.Email.Value,
                ["BusinessName"] = registration.BusinessName,
                ["PasswordHash"] = registration.PasswordHash,
                ["UserId"] = registration.UserId,
                ["MerchantId"] = registration.MerchantId.Value,
                ["ExpiresAt"] = registration.ExpiresAt,
            },
            cancellationToken);
    }

    public async Task<PendingRegistration?> FindAsync(string tokenHash, CancellationToken cancellationToken)
    {
        var read = await Table.GetEntityIfExistsAsync<TableEntity>(tokenHash, Row, cancellationToken: cancellationToken);
        return read.HasValue && read.Value is { } row ? ToRegistration(row) : null;
    }

    private static PendingRegistration? ToRegistration(TableEntity row) =>
        EmailAddress.TryParse(row.GetString("Email"), out var email)
            ? new PendingRegistration(row.GetString("Name"), email, row.GetString("BusinessName"), row.GetString("PasswordHash"), row.GetString("UserId"), MerchantId.Parse(row.GetString("MerchantId")), row.GetDateTimeOffset("ExpiresAt")!.Value)
            : null;

    public async IAsyncEnumerable<(string TokenHash, PendingRegistration Registration)> ListExpiredAsync(
        DateTimeOffset now, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"ExpiresAt lt {now}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (ToRegistration(row) is { } registration)
            {
                yield return (row.PartitionKey, registration);
            }
        }
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
