using SooperSeller.Core.Errors;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Accounts;

/// <summary><c>GET /api/me</c>: who is signed in, for which merchant, in which role, allowed to do what.</summary>
public sealed class GetMeHandler(IMerchantDirectory merchants)
{
    public async Task<MeView> HandleAsync(MerchantId merchantId, string userId, CancellationToken cancellationToken)
    {
        var member = await merchants.GetMemberAsync(merchantId, userId, cancellationToken) ?? throw new NotFoundException("User", userId);
        var merchant = await merchants.GetMerchantAsync(merchantId, cancellationToken) ?? throw new NotFoundException("Merchant", merchantId.Value);
        return new MeView(
            new MeView.UserView(member.UserId, member.Name, member.Email.Value),
            new MeView.MerchantView(merchant.Id.Value, merchant.BusinessName),
            member.Role,
            RolePermissions.Of(member.Role));
    }
}

public sealed record MeView(MeView.UserView User, MeView.MerchantView Merchant, Role Role, IReadOnlyList<Permission> Permissions)
{
    public sealed record UserView(string Id, string Name, string Email);

    public sealed record MerchantView(string Id, string BusinessName);
}
