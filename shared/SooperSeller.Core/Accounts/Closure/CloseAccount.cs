using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Accounts.Closure;

/// <summary>The answer to <c>POST /api/account/close</c>: when closure was requested and from when the account may be deleted.</summary>
public sealed record ClosureView(DateTimeOffset ClosureRequestedAt, DateTimeOffset DeleteAfter);

/// <summary>
/// The owner closes the merchant's account: the profile records when (the first request's dates are kept, so a repeat
/// changes nothing) and is marked closed, which refuses sign-in and is what the Shopify sync checks
/// (<see cref="MerchantProfile.IsClosed"/>); then every session of every member ends at once. Deletion itself (30 days
/// after the request, as the privacy policy promises) comes with the privacy work and reads <c>deleteAfter</c>.
/// </summary>
public sealed class CloseAccountHandler(IMerchantDirectory merchants, ISessionStore sessions, TimeProvider time)
{
    /// <summary>How long after the request the account data may be deleted (the privacy policy: within 30 days).</summary>
    public static readonly TimeSpan DeletionDelay = TimeSpan.FromDays(30);

    public async Task<ClosureView> HandleAsync(MerchantId merchantId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var closed = await merchants.MarkClosedAsync(merchantId, now, now + DeletionDelay, cancellationToken)
            ?? throw new NotFoundException("Merchant", merchantId.Value);

        // Marked closed first, so a sign-in racing with this is refused by the profile or has its session ended below.
        foreach (var member in await merchants.ListMembersOfAsync(merchantId, cancellationToken))
        {
            await sessions.RevokeForMerchantAsync(member.UserId, merchantId, cancellationToken);
        }

        return new ClosureView(closed.ClosureRequestedAt!.Value, closed.DeleteAfter!.Value);
    }
}
