using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Accounts.SignIn;

public sealed record SwitchMerchantCommand(string? MerchantId);

/// <summary>
/// <c>POST /api/me/merchant</c>: the signed-in person moves to another merchant they belong to. Sessions carry one
/// merchant and role, so switching starts a new session (the role is the one in the target merchant) and ends the old
/// one; the membership's last use is recorded so the next sign-in lands there. A merchant the caller is not a member
/// of, a closed one and one that does not exist all get the same 404, which says nothing about other merchants.
/// </summary>
public sealed class SwitchMerchantHandler(IMerchantDirectory merchants, ISessionStore sessions, TimeProvider time)
{
    /// <param name="userId">The caller.</param>
    /// <param name="currentToken">The caller's session token, revoked once the new session exists.</param>
    public async Task<NewSession> HandleAsync(string userId, string currentToken, SwitchMerchantCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrWhiteSpace(command.MerchantId))
        {
            throw new ValidationFailedException("merchantId", "Give the id of a merchant you belong to.");
        }

        var notFound = new NotFoundException("Merchant", "(the given id)");
        if (!MerchantId.TryParse(command.MerchantId.Trim(), out var merchantId)
            || await merchants.GetMemberAsync(merchantId, userId, cancellationToken) is not { } member
            || await merchants.GetMerchantAsync(merchantId, cancellationToken) is null or { IsClosed: true })
        {
            throw notFound;
        }

        var session = await sessions.CreateAsync(new SessionSubject(userId, merchantId, member.Role), cancellationToken);
        await sessions.RevokeAsync(currentToken, cancellationToken);
        await merchants.MarkMembershipUsedAsync(userId, merchantId, time.GetUtcNow(), cancellationToken);
        return session;
    }
}
