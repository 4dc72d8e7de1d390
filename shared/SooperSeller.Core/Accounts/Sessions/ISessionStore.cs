using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Accounts.Sessions;

/// <summary>
/// Server-side sessions. The token the browser holds is 256 random bits; the store keeps only its hash, so a leak of
/// the store signs nobody in. Every request reads its session afresh (no cross-request cache), so a revocation takes
/// effect on every instance at once.
/// </summary>
public interface ISessionStore
{
    /// <summary>Starts a session (at sign-in: always a new token).</summary>
    Task<NewSession> CreateAsync(SessionSubject subject, CancellationToken cancellationToken);

    /// <summary>The live session for a token, or null when unknown, revoked, idle too long or past its absolute end.</summary>
    Task<ActiveSession?> ValidateAsync(string token, CancellationToken cancellationToken);

    /// <summary>Ends the session the token belongs to (logout). Unknown tokens are ignored.</summary>
    Task RevokeAsync(string token, CancellationToken cancellationToken);

    /// <summary>Ends every session of a user, except optionally one (password change keeps the current one).</summary>
    Task<int> RevokeAllAsync(string userId, string? exceptSessionId, CancellationToken cancellationToken);

    /// <summary>
    /// Ends the user's sessions in one merchant only (a role change, a removal, closure): a person who also works for
    /// other merchants (an agency, an accountant) stays signed in there.
    /// </summary>
    Task<int> RevokeForMerchantAsync(string userId, MerchantId merchantId, CancellationToken cancellationToken);

    /// <summary>The user's live sessions, newest first.</summary>
    Task<IReadOnlyList<SessionSummary>> ListAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Ends one of the user's sessions by its id; false when the user has no such session (another user's id included).</summary>
    Task<bool> RevokeAsync(string userId, string sessionId, CancellationToken cancellationToken);
}

/// <summary>One of a user's sessions as listed to them: its id (not its token), when it began and was last used.</summary>
public sealed record SessionSummary(string SessionId, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt);

/// <summary>Who a session signs in: a user, acting for one merchant, in one role.</summary>
public sealed record SessionSubject(string UserId, MerchantId MerchantId, Role Role);

/// <summary>A new session: the token for the cookie (never stored), its CSRF token, and when it ends at the latest.</summary>
public sealed record NewSession(string SessionId, string Token, string CsrfToken, DateTimeOffset AbsoluteExpiry);

/// <summary>A validated session.</summary>
public sealed record ActiveSession(string SessionId, SessionSubject Subject, string CsrfToken, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, DateTimeOffset AbsoluteExpiry);
