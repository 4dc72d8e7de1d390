using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Accounts;

/// <summary>Merchants and their members (the <c>merchants</c> container, one partition per merchant).</summary>
public interface IMerchantDirectory
{
    /// <summary>Creates the merchant's profile; a repeat with the same merchant changes nothing.</summary>
    Task CreateMerchantAsync(MerchantProfile merchant, CancellationToken cancellationToken);

    /// <summary>Adds a member; a repeat for the same user changes nothing.</summary>
    Task AddMemberAsync(MerchantId merchantId, Member member, CancellationToken cancellationToken);

    Task<MerchantProfile?> GetMerchantAsync(MerchantId merchantId, CancellationToken cancellationToken);

    Task<Member?> GetMemberAsync(MerchantId merchantId, string userId, CancellationToken cancellationToken);

    /// <summary>Removes a merchant whose account was never committed (sign-up compensation): its profile and members.</summary>
    Task DeleteUncommittedAsync(MerchantId merchantId, CancellationToken cancellationToken);
}

public sealed record MerchantProfile(MerchantId Id, string BusinessName, DateTimeOffset CreatedAt);

public sealed record Member(string UserId, string Name, EmailAddress Email, Role Role, DateTimeOffset JoinedAt);
