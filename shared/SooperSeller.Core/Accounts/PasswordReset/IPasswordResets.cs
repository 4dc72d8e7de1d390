namespace SooperSeller.Core.Accounts.PasswordReset;

/// <summary>
/// A password reset waiting for its link to be opened (30 minutes, single use). <see cref="CredentialVersion"/> is the
/// email lookup row's version when the link was sent: once the password changes by any route, the link is dead.
/// </summary>
public sealed record PendingPasswordReset(string UserId, EmailAddress Email, string? CredentialVersion, DateTimeOffset ExpiresAt);

/// <summary>Pending password resets, found by the hash of the token in their link.</summary>
public interface IPasswordResets
{
    Task AddAsync(string tokenHash, PendingPasswordReset reset, CancellationToken cancellationToken);

    Task<PendingPasswordReset?> FindAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>Consumes the token; false when it was already gone (used, or by a concurrent request).</summary>
    Task<bool> RemoveAsync(string tokenHash, CancellationToken cancellationToken);
}
