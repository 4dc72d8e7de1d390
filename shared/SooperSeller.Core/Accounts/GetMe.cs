using SooperSeller.Core.Errors;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Accounts;

/// <summary>
/// <c>GET /api/me</c>: who is signed in, for which merchant, in which role, allowed to do what; and every open merchant
/// the person belongs to (<c>merchants</c>, the current one included), for switching.
/// </summary>
public sealed class GetMeHandler(IMerchantDirectory merchants)
{
    public async Task<MeView> HandleAsync(MerchantId merchantId, string userId, CancellationToken cancellationToken)
    {
        var member = await merchants.GetMemberAsync(merchantId, userId, cancellationToken) ?? throw new NotFoundException("User", userId);
        var merchant = await merchants.GetMerchantAsync(merchantId, cancellationToken) ?? throw new NotFoundException("Merchant", merchantId.Value);
        var list = new List<MeView.MembershipView> { new(merchant.Id.Value, merchant.BusinessName, member.Role) };
        foreach (var membership in (await merchants.ListMembershipsAsync(userId, cancellationToken)).OrderBy(m => m.JoinedAt))
        {
            // The index may be stale: each entry is confirmed against the merchant's own member list.
            if (membership.MerchantId != merchantId
                && await merchants.GetMemberAsync(membership.MerchantId, userId, cancellationToken) is { } other
                && await merchants.GetMerchantAsync(membership.MerchantId, cancellationToken) is { IsClosed: false } profile)
            {
                list.Add(new MeView.MembershipView(profile.Id.Value, profile.BusinessName, other.Role));
            }
        }

        return new MeView(
            new MeView.UserView(member.UserId, member.Name, member.Email.Value),
            new MeView.MerchantView(merchant.Id.Value, merchant.BusinessName),
            member.Role,
            RolePermissions.Of(member.Role))
        {
            Merchants = list,
        };
    }
}

public sealed record MeView(MeView.UserView User, MeView.MerchantView Merchant, Role Role, IReadOnlyList<Permission> Permissions)
{
    /// <summary>Every open merchant the person belongs to, the current one first (<c>POST /api/me/merchant</c> switches).</summary>
    public IReadOnlyList<MembershipView> Merchants { get; init; } = [];

    public sealed record UserView(string Id, string Name, string Email);

    public sealed record MerchantView(string Id, string BusinessName);

    public sealed record MembershipView(string Id, string BusinessName, Role Role);
}
