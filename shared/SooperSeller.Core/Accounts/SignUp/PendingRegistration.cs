using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Accounts.SignUp;

/// <summary>
/// A sign-up waiting for its email to be verified (24 hours). The password is already hashed; the user and merchant
/// ids are fixed here, so every retry of verification creates the very same records.
/// </summary>
public sealed record PendingRegistration(
    string Name, EmailAddress Email, string BusinessName, string PasswordHash, string UserId, MerchantId MerchantId, DateTimeOffset ExpiresAt);

/// <summary>Pending sign-ups, found by the hash of the token in their verification link.</summary>
public interface IPendingRegistrations
{
    Task AddAsync(string tokenHash, PendingRegistration registration, CancellationToken cancellationToken);

    Task<PendingRegistration?> FindAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>Consumes the token; false when it was already gone.</summary>
    Task<bool> RemoveAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>Registrations whose link expired before <paramref name="now"/>, with their token hashes (for the sweep).</summary>
    IAsyncEnumerable<(string TokenHash, PendingRegistration Registration)> ListExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
