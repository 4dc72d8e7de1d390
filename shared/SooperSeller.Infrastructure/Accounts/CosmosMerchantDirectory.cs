using Microsoft.Azure.Cosmos;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Cosmos;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.Infrastructure.Accounts;

/// <summary>
/// Merchant profiles and members in the <c>merchants</c> container (partition = the merchant), and the
/// <see cref="TableMemberships"/> index of each person's merchants, written here at every member change.
/// </summary>
public sealed class CosmosMerchantDirectory(TenantStore store, StorageClients storage) : IMerchantDirectory
{
    private readonly TableMemberships _memberships = new(storage);

    private const string ProfileId = "profile";
    private const string ClosedStatus = "closed";

    private TenantContainer Container => store.For(TenantContainers.Merchants);

    public async Task CreateMerchantAsync(MerchantProfile merchant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        await Container.TryCreateAsync(merchant.Id, new MerchantDocument { Id = ProfileId, BusinessName = merchant.BusinessName, CreatedAt = merchant.CreatedAt }, cancellationToken);
    }

    public async Task AddMemberAsync(MerchantId merchantId, Member member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        // The index first: a row without its member is skipped by every reader.
        await _memberships.UpsertAsync(member.UserId, merchantId, member.Role, member.JoinedAt, cancellationToken);
        await Container.TryCreateAsync(
            merchantId,
            new MemberDocument { Id = MemberId(member.UserId), UserId = member.UserId, Name = member.Name, Email = member.Email.Value, Role = member.Role, JoinedAt = member.JoinedAt },
            cancellationToken);
    }

    public async Task<MerchantProfile?> GetMerchantAsync(MerchantId merchantId, CancellationToken cancellationToken) =>
        await Container.ReadAsync<MerchantDocument>(merchantId, ProfileId, cancellationToken) is { } document
            ? ProfileOf(merchantId, document)
            : null;

    public async Task<IReadOnlyList<Member>> ListMembersOfAsync(MerchantId merchantId, CancellationToken cancellationToken)
    {
        var members = new List<Member>();
        var query = new QueryDefinition("SELECT * FROM c WHERE STARTSWITH(c.id, @prefix)").WithParameter("@prefix", MemberId(string.Empty));
        await foreach (var document in Container.QueryAsync<MemberDocument>(merchantId, query, cancellationToken))
        {
            if (EmailAddress.TryParse(document.Email, out var email))
            {
                members.Add(new Member(document.UserId, document.Name, email, document.Role, document.JoinedAt));
            }
        }

        return members;
    }

    public async Task<MerchantProfile?> MarkClosedAsync(MerchantId merchantId, DateTimeOffset requestedAt, DateTimeOffset deleteAfter, CancellationToken cancellationToken)
    {
        while (true)
        {
            var document = await Container.ReadAsync<MerchantDocument>(merchantId, ProfileId, cancellationToken);
            if (document is null || document.ClosureRequestedAt is not null)
            {
                return document is null ? null : ProfileOf(merchantId, document);
            }

            try
            {
                var closed = document with { Status = ClosedStatus, ClosureRequestedAt = requestedAt, DeleteAfter = deleteAfter };
                return ProfileOf(merchantId, await Container.ReplaceAsync(merchantId, closed, document.ETag, cancellationToken));
            }
            catch (SooperSeller.Core.Errors.ConflictException)
            {
                // Changed since it was read (a concurrent close included): read again; a closed profile keeps its dates.
            }
        }
    }

    private static MerchantProfile ProfileOf(MerchantId merchantId, MerchantDocument document) =>
        new(merchantId, document.BusinessName, document.CreatedAt) { ClosureRequestedAt = document.ClosureRequestedAt, DeleteAfter = document.DeleteAfter };

    public async Task<Member?> GetMemberAsync(MerchantId merchantId, string userId, CancellationToken cancellationToken) =>
        await Container.ReadAsync<MemberDocument>(merchantId, MemberId(userId), cancellationToken) is { } document && EmailAddress.TryParse(document.Email, out var email)
            ? new Member(document.UserId, document.Name, email, document.Role, document.JoinedAt)
            : null;

    public async Task<bool> SetMemberRoleAsync(MerchantId merchantId, string userId, Role role, CancellationToken cancellationToken)
    {
        if (await Container.ReadAsync<MemberDocument>(merchantId, MemberId(userId), cancellationToken) is not { } document)
        {
            return false;
        }

        if (document.Role != role)
        {
            await Container.ReplaceAsync(merchantId, document with { Role = role }, document.ETag, cancellationToken);
        }

        await _memberships.UpsertAsync(userId, merchantId, role, document.JoinedAt, cancellationToken);
        return true;
    }

    public async Task<bool> RemoveMemberAsync(MerchantId merchantId, string userId, CancellationToken cancellationToken)
    {
        // The member first, then the index (a crash between leaves a row readers skip, and a repeat removes it).
        var removed = await Container.DeleteAsync<MemberDocument>(merchantId, MemberId(userId), ifMatch: null, cancellationToken);
        await _memberships.RemoveAsync(userId, merchantId, cancellationToken);
        return removed;
    }

    public Task<IReadOnlyList<Membership>> ListMembershipsAsync(string userId, CancellationToken cancellationToken) =>
        _memberships.ListAsync(userId, cancellationToken);

    public Task MarkMembershipUsedAsync(string userId, MerchantId merchantId, DateTimeOffset usedAt, CancellationToken cancellationToken) =>
        _memberships.MarkUsedAsync(userId, merchantId, usedAt, cancellationToken);

    public async Task DeleteUncommittedAsync(MerchantId merchantId, CancellationToken cancellationToken)
    {
        foreach (var member in await ListMembersOfAsync(merchantId, cancellationToken))
        {
            await _memberships.RemoveAsync(member.UserId, merchantId, cancellationToken);
        }

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

        /// <summary><c>active</c>, or <c>closed</c> once the owner asked to close the account.</summary>
        public string Status { get; init; } = "active";

        public DateTimeOffset? ClosureRequestedAt { get; init; }

        public DateTimeOffset? DeleteAfter { get; init; }
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
