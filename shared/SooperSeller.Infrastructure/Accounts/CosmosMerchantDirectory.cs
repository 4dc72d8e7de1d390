using Microsoft.Azure.Cosmos;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Cosmos;

namespace SooperSeller.Infrastructure.Accounts;

/// <summary>Merchant profiles and members in the <c>merchants</c> container (partition = the merchant).</summary>
public sealed class CosmosMerchantDirectory(TenantStore store) : IMerchantDirectory
{
    private const string ProfileId = "profile";

    private TenantContainer Container => store.For(TenantContainers.Merchants);

    public async Task CreateMerchantAsync(MerchantProfile merchant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        await Container.TryCreateAsync(merchant.Id, new MerchantDocument { Id = ProfileId, BusinessName = merchant.BusinessName, CreatedAt = merchant.CreatedAt }, cancellationToken);
    }

    public async Task AddMemberAsync(MerchantId merchantId, Member member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        await Container.TryCreateAsync(
            merchantId,
            new MemberDocument { Id = MemberId(member.UserId), UserId = member.UserId, Name = member.Name, Email = member.Email.Value, Role = member.Role, JoinedAt = member.JoinedAt },
            cancellationToken);
    }

    public async Task<MerchantProfile?> GetMerchantAsync(MerchantId merchantId, CancellationToken cancellationToken) =>
        await Container.ReadAsync<MerchantDocument>(merchantId, ProfileId, cancellationToken) is { } document
            ? new MerchantProfile(merchantId, document.BusinessName, document.CreatedAt)
            : null;

    public async Task<Member?> GetMemberAsync(MerchantId merchantId, string userId, CancellationToken cancellationToken) =>
        await Container.ReadAsync<MemberDocument>(merchantId, MemberId(userId), cancellationToken) is { } document && EmailAddress.TryParse(document.Email, out var email)
            ? new Member(document.UserId, document.Name, email, document.Role, document.JoinedAt)
            : null;

    public async Task DeleteUncommittedAsync(MerchantId merchantId, CancellationToken cancellationToken)
    {
        await foreach (var id in Container.QueryAsync<string>(merchantId, new QueryDefinition("SELECT VALUE c.id FROM c"), cancellationToken))
        {
            await Container.DeleteAsync<TenantDocument>(merchantId, id, ifMatch: null, cancellationToken);
        }
    }

    private static string MemberId(string userId) => "member_" + userId;

    private sealed record MerchantDocument : TenantDocument
    {
        public string BusinessName { get; init; } = string.Empty;

        public DateTimeOffset CreatedAt { get; init; }
    }

    private sealed record MemberDocument : TenantDocument
    {
        public string UserId { get; init; } = string.Empty;

        public string Name { get; init; } = string.Empty;

        public string Email { get; init; } = string.Empty;

        public Role Role { get; init; }

        public DateTimeOffset JoinedAt { get; init; }
    }
}
