using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Accounts;

/// <summary>
/// Merchants and their members (the <c>merchants</c> container, one partition per merchant), and each person's
/// memberships across merchants (the <c>memberships</c> table, PK = user id, RK = merchant id): an index the directory
/// itself keeps in step with the members it adds, removes and re-roles, so no caller can forget it. The member in the
/// merchant's partition stays the truth: the index row is written before a member is added and removed after one is
/// removed, and readers check the member, so a crash between the two writes leaves a stale row that is skipped.
/// </summary>
public interface IMerchantDirectory
{
    /// <summary>Creates the merchant's profile; a repeat with the same merchant changes nothing.</summary>
    Task CreateMerchantAsync(MerchantProfile merchant, CancellationToken cancellationToken);

    /// <summary>Adds a member; a repeat for the same user changes nothing.</summary>
    Task AddMemberAsync(MerchantId merchantId, Member member, CancellationToken cancellationToken);

    Task<MerchantProfile?> GetMerchantAsync(MerchantId merchantId, CancellationToken cancellationToken);

    Task<Member?> GetMemberAsync(MerchantId merchantId, string userId, CancellationToken cancellationToken);

    /// <summary>Removes a member; false when there was none.</summary>
    Task<bool> RemoveMemberAsync(MerchantId merchantId, string userId, CancellationToken cancellationToken);

    /// <summary>Sets a member's role; false when there is no such member.</summary>
    Task<bool> SetMemberRoleAsync(MerchantId merchantId, string userId, Role role, CancellationToken cancellationToken);

    /// <summary>The merchants the user belongs to according to the index (callers confirm each with <see cref="GetMemberAsync"/>).</summary>
    Task<IReadOnlyList<Membership>> ListMembershipsAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Records that the user signed in to or switched to the merchant (sign-in picks the most recent).</summary>
    Task MarkMembershipUsedAsync(string userId, MerchantId merchantId, DateTimeOffset usedAt, CancellationToken cancellationToken);

    /// <summary>Removes a merchant whose account was never committed (sign-up compensation): its profile and members.</summary>
    Task DeleteUncommittedAsync(MerchantId merchantId, CancellationToken cancellationToken);

    /// <summary>Every member of the merchant (account closure ends all their sessions).</summary>
    Task<IReadOnlyList<Member>> ListMembersOfAsync(MerchantId merchantId, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the merchant closed with the given dates, unless it already is (a repeat keeps the first dates). Returns the
    /// profile as stored, or null when the merchant does not exist.
    /// </summary>
    Task<MerchantProfile?> MarkClosedAsync(MerchantId merchantId, DateTimeOffset requestedAt, DateTimeOffset deleteAfter, CancellationToken cancellationToken);
}

public sealed record MerchantProfile(MerchantId Id, string BusinessName, DateTimeOffset CreatedAt)
{
    /// <summary>When the owner asked to close the account (null while it is open).</summary>
    public DateTimeOffset? ClosureRequestedAt { get; init; }

    /// <summary>From when the closed account's data may be deleted (30 days after the request).</summary>
    public DateTimeOffset? DeleteAfter { get; init; }

    /// <summary>Closed: sign-in is refused and background work (the Shopify sync, when it comes) must skip the merchant.</summary>
    public bool IsClosed => ClosureRequestedAt is not null;
}

/// <summary>One person's membership of one merchant, as the <c>memberships</c> index holds it.</summary>
public sealed record Membership(MerchantId MerchantId, Role Role, DateTimeOffset JoinedAt, DateTimeOffset? LastUsedAt)
{
    /// <summary>Last used, or joined when never used: what sign-in orders by, most recent first.</summary>
    public DateTimeOffset RecentAt => LastUsedAt ?? JoinedAt;
}

public sealed record Member(string UserId, string Name, EmailAddress Email, Role Role, DateTimeOffset JoinedAt);
