using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Accounts.Team;

/// <summary>
/// An invitation to join a merchant in a role (7 days, single use). The new user's id is fixed here, so every retry of
/// acceptance creates the very same member and credential.
/// </summary>
public sealed record Invitation(
    string Id, MerchantId MerchantId, EmailAddress Email, Role Role, string InvitedBy, string UserId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

/// <summary>Invitations (table <c>invitations</c>): listed per merchant, found by the hash of their link's token.</summary>
public interface IInvitations
{
    /// <summary>Stores the invitation and the index from its token's hash.</summary>
    Task AddAsync(string tokenHash, Invitation invitation, CancellationToken cancellationToken);

    /// <summary>The merchant's invitations (pending or expired, not yet removed).</summary>
    Task<IReadOnlyList<Invitation>> ListAsync(MerchantId merchantId, CancellationToken cancellationToken);

    Task<Invitation?> GetAsync(MerchantId merchantId, string invitationId, CancellationToken cancellationToken);

    /// <summary>The invitation a link's token opens; null when unknown, revoked, replaced or used.</summary>
    Task<Invitation?> FindByTokenAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>Removes the invitation (revoke, replace, use); false when it was already gone.</summary>
    Task<bool> RemoveAsync(MerchantId merchantId, string invitationId, CancellationToken cancellationToken);
}
