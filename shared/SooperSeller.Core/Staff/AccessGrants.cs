using SooperSeller.Core.Activity;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Staff;

/// <summary>What became of a grant request. Active and expired are not stored: they follow from the decision time.</summary>
public enum AccessGrantDecision
{
    Pending,
    Approved,
    Denied,

    /// <summary>Approved, then ended early by the merchant's owner.</summary>
    Revoked,
}

/// <summary>
/// A platform staff member's time-boxed, justified access to one merchant. Requested by the staff member; approved or
/// denied by the merchant's owner, or approved by a second staff member in an emergency (never by the requester);
/// active from approval for <see cref="Hours"/> hours, then expired by itself.
/// </summary>
public sealed record AccessGrant(
    string GrantId,
    MerchantId MerchantId,
    string RequestedBy,
    string Reason,
    int Hours,
    DateTimeOffset RequestedAt,
    AccessGrantDecision Decision,
    ActivityActor? DecidedBy,
    DateTimeOffset? DecidedAt)
{
    public const int MinReasonLength = 10;
    public const int MaxReasonLength = 500;
    public const int MinHours = 1;
    public const int MaxHours = 24;

    /// <summary>The stored row's version (ETag), guarding decisions against a racing decision.</summary>
    public string? Version { get; init; }

    /// <summary>Who ended an approved grant early, and when (null unless <see cref="AccessGrantDecision.Revoked"/>).</summary>
    public ActivityActor? RevokedBy { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>When an approved grant stops working: approval time plus its hours, or its revocation if earlier.</summary>
    public DateTimeOffset? ExpiresAt => Decision switch
    {
        AccessGrantDecision.Approved => DecidedAt!.Value.AddHours(Hours),
        AccessGrantDecision.Revoked => RevokedAt,
        _ => null,
    };

    /// <summary>requested, active, expired, denied or revoked, at <paramref name="now"/>.</summary>
    public string StateAt(DateTimeOffset now) => Decision switch
    {
        AccessGrantDecision.Pending => "requested",
        AccessGrantDecision.Denied => "denied",
        AccessGrantDecision.Revoked => "revoked",
        _ => now < ExpiresAt ? "active" : "expired",
    };

    public bool IsActiveFor(string staffId, DateTimeOffset now) =>
        Decision == AccessGrantDecision.Approved && string.Equals(RequestedBy, staffId, StringComparison.Ordinal) && now < ExpiresAt;

    /// <summary>A new request: reason 10-500 characters, 1-24 hours.</summary>
    public static AccessGrant Request(string staffId, MerchantId merchantId, string? reason, int hours, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var trimmed = reason?.Trim() ?? string.Empty;
        if (trimmed.Length is < MinReasonLength or > MaxReasonLength)
        {
            errors["reason"] = [$"Give a reason of {MinReasonLength} to {MaxReasonLength} characters."];
        }

        if (hours is < MinHours or > MaxHours)
        {
            errors["hours"] = [$"Ask for {MinHours} to {MaxHours} hours."];
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var id = "grt_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        return new AccessGrant(id, merchantId, staffId, trimmed, hours, now, AccessGrantDecision.Pending, DecidedBy: null, DecidedAt: null);
    }

    /// <summary>Approval by the owner or by another staff member; the requester approving their own request is 403.</summary>
    public AccessGrant Approve(ActivityActor approver, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(approver);
        if (approver.Kind == ActorKind.Staff && string.Equals(approver.Id, RequestedBy, StringComparison.Ordinal))
        {
            throw new ForbiddenException("Nobody may approve their own access request.");
        }

        return Decide(AccessGrantDecision.Approved, approver, now);
    }

    public AccessGrant Deny(ActivityActor decider, DateTimeOffset now) => Decide(AccessGrantDecision.Denied, decider, now);

    /// <summary>The owner ends an active grant before it expires; anything else (requested, expired, denied, revoked) is 409.</summary>
    public AccessGrant Revoke(ActivityActor revoker, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(revoker);
        return StateAt(now) == "active"
            ? this with { Decision = AccessGrantDecision.Revoked, RevokedBy = revoker, RevokedAt = now }
            : throw new ConflictException("Only an active grant can be revoked.");
    }

    private AccessGrant Decide(AccessGrantDecision decision, ActivityActor decider, DateTimeOffset now) =>
        Decision == AccessGrantDecision.Pending
            ? this with { Decision = decision, DecidedBy = decider, DecidedAt = now }
            : throw new ConflictException("This request has been decided already.");
}

/// <summary>Access grants, by merchant.</summary>
public interface IAccessGrants
{
    Task AddAsync(AccessGrant grant, CancellationToken cancellationToken);

    /// <summary>The grant, or null when the merchant has no grant with that id.</summary>
    Task<AccessGrant?> GetAsync(MerchantId merchantId, string grantId, CancellationToken cancellationToken);

    /// <summary>The grant by id alone (a second staff member approving), or null.</summary>
    Task<AccessGrant?> FindAsync(string grantId, CancellationToken cancellationToken);

    /// <summary>The merchant's grants, newest first.</summary>
    Task<IReadOnlyList<AccessGrant>> ListAsync(MerchantId merchantId, CancellationToken cancellationToken);

    /// <summary>Stores a decision if the grant is unchanged since it was read; otherwise 409.</summary>
    Task UpdateAsync(AccessGrant grant, CancellationToken cancellationToken);
}
