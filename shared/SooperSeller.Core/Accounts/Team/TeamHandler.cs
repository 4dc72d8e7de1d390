using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Accounts.Team;

public sealed record ChangeRoleCommand(string? Role);

public sealed record TransferOwnershipCommand(string? UserId);

/// <summary>A member as the team page lists them.</summary>
public sealed record UserView(string Id, string Name, string Email, Role Role, DateTimeOffset JoinedAt);

/// <summary>
/// The members of the caller's merchant: list, change a role, remove (<see cref="Permission.ManageUsers"/>), and transfer
/// ownership (<see cref="Permission.OwnAccount"/>). Sessions carry the role they were signed in with, so every change
/// ends the affected user's sessions in this merchant at once (<see cref="ISessionStore.RevokeForMerchantAsync"/>; their
/// sessions in other merchants they belong to stay): a removed user is refused on
/// their next request, and a user whose role changed signs in again and gets the new one. The owner's role changes only
/// by transfer, and the owner cannot be removed.
/// </summary>
public sealed class TeamHandler(IMerchantDirectory merchants, ISessionStore sessions)
{
    public async Task<IReadOnlyList<UserView>> ListAsync(MerchantId merchantId, CancellationToken cancellationToken) =>
        [.. (await merchants.ListMembersOfAsync(merchantId, cancellationToken)).OrderBy(m => m.JoinedAt).Select(m => new UserView(m.UserId, m.Name, m.Email.Value, m.Role, m.JoinedAt))];

    public async Task ChangeRoleAsync(MerchantId merchantId, string userId, ChangeRoleCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!InvitationsHandler.TryParseRole(command.Role, out var role) || role == Role.Owner)
        {
            throw new ValidationFailedException("role", "Give one of: manager, operator, accountant, viewer (ownership moves only by transfer).");
        }

        var member = await merchants.GetMemberAsync(merchantId, userId, cancellationToken) ?? throw NotAMember();
        if (member.Role == Role.Owner)
        {
            throw new ConflictException("The owner's role changes only by transferring ownership.");
        }

        await merchants.SetMemberRoleAsync(merchantId, userId, role, cancellationToken);
        await sessions.RevokeForMerchantAsync(userId, merchantId, cancellationToken);
    }

    public async Task RemoveAsync(MerchantId merchantId, string userId, CancellationToken cancellationToken)
    {
        var member = await merchants.GetMemberAsync(merchantId, userId, cancellationToken) ?? throw NotAMember();
        if (member.Role == Role.Owner)
        {
            throw new ConflictException("The owner cannot be removed; transfer ownership first.");
        }

        await merchants.RemoveMemberAsync(merchantId, userId, cancellationToken);
        await sessions.RevokeForMerchantAsync(userId, merchantId, cancellationToken);
    }

    /// <summary>
    /// The target becomes the owner first, then the caller a manager (a crash between leaves two owners, and repeating
    /// the request completes it); then both users' sessions end, the caller's current one too, so both sign in again
    /// with their new roles.
    /// </summary>
    public async Task<string> TransferOwnershipAsync(MerchantId merchantId, string ownerId, TransferOwnershipCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var targetId = command.UserId?.Trim();
        if (string.IsNullOrEmpty(targetId) || targetId == ownerId)
        {
            throw new ValidationFailedException("userId", "Give the id of another member of the team.");
        }

        _ = await merchants.GetMemberAsync(merchantId, targetId, cancellationToken) ?? throw NotAMember();
        await merchants.SetMemberRoleAsync(merchantId, targetId, Role.Owner, cancellationToken);
        await merchants.SetMemberRoleAsync(merchantId, ownerId, Role.Manager, cancellationToken);
        await sessions.RevokeForMerchantAsync(targetId, merchantId, cancellationToken);
        await sessions.RevokeForMerchantAsync(ownerId, merchantId, cancellationToken);
        return targetId;
    }

    // The id is not echoed: it may be another merchant's, and a 404 says nothing about it.
    private static NotFoundException NotAMember() => new("User", "(the given id)");
}
