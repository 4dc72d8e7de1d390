using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Core.Errors;

namespace SooperSeller.Core.Accounts.SignUp;

public sealed record VerifyCommand(string? Token);

/// <summary>
/// Sign-up, step two: the link's token creates the merchant and its owner and signs them in. The write order makes a
/// crash harmless. 1) merchant profile, 2) owner membership — both idempotent (fixed ids from the registration), both
/// unreachable until 3) the email lookup row, the commit point: an account exists once it does. 4) the token is
/// consumed. A crash before 4 leaves the token valid, and verifying again completes the same account; a crash after 4
/// leaves a complete account. If the address was taken meanwhile (two sign-ups verified at once), 1-2 are undone.
/// Uncommitted records whose link expired are removed by the registration sweep.
/// </summary>
public sealed class VerifyHandler(IPendingRegistrations pending, IMerchantDirectory merchants, IEmailLookup lookup, ISessionStore sessions, TimeProvider time)
{
    public async Task<NewSession> HandleAsync(VerifyCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var invalid = new ValidationFailedException("token", "This link is invalid or has expired; sign up again to get a new one.");
        var tokenHash = SecureToken.HashOf(command.Token) ?? throw invalid;
        var registration = await pending.FindAsync(tokenHash, cancellationToken);
        if (registration is null || time.GetUtcNow() >= registration.ExpiresAt)
        {
            throw invalid;
        }

        var now = time.GetUtcNow();
        await merchants.CreateMerchantAsync(new MerchantProfile(registration.MerchantId, registration.BusinessName, now), cancellationToken);
        await merchants.AddMemberAsync(registration.MerchantId, new Member(registration.UserId, registration.Name, registration.Email, Role.Owner, now), cancellationToken);
        var holder = await lookup.AddOrGetAsync(new Credential(registration.Email, registration.UserId, registration.MerchantId, registration.PasswordHash), cancellationToken);
        if (holder.UserId != registration.UserId)
        {
            await merchants.DeleteUncommittedAsync(registration.MerchantId, cancellationToken);
            await pending.RemoveAsync(tokenHash, cancellationToken);
            throw new ConflictException("This email already has an account; sign in instead.");
        }

        await pending.RemoveAsync(tokenHash, cancellationToken);
        return await sessions.CreateAsync(new SessionSubject(registration.UserId, registration.MerchantId, Role.Owner), cancellationToken);
    }
}
