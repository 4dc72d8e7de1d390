using System.Net;
using SooperSeller.Core.Accounts.Passwords;
using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Core.Accounts.Throttling;
using SooperSeller.Core.Errors;

namespace SooperSeller.Core.Accounts.Team;

public sealed record AcceptInvitationCommand(string? Token, string? Name, string? Password);

/// <summary>
/// The accepted invitation, the user who joined (the invitation's fresh id for a new person, the existing account's id
/// otherwise), and their new session.
/// </summary>
public sealed record AcceptedInvitation(Invitation Invitation, string UserId, NewSession Session);

/// <summary>
/// <c>POST /api/invitations/accept</c>: a person without an account joins the inviting merchant with a name and a
/// password, and is signed in. The write order is Verify's: 1) the membership (fixed user id from the invitation,
/// idempotent, unreachable until) 2) the email lookup row, the commit point, 3) the invitation is consumed. A crash
/// before 3 leaves the link valid and accepting again completes the same account. An address that got an account
/// meanwhile undoes step 1 (409; opening the link again takes the existing-account path).
/// A person who already has an account (they may belong to several merchants) proves it with their current password
/// (<c>password</c>; <c>name</c> is not needed) instead: the attempt is throttled and counted like a sign-in, a wrong
/// password is the sign-in's 401, and the right one adds their existing user as a member, consumes the invitation and
/// signs them in to the inviting merchant.
/// </summary>
public sealed class AcceptInvitationHandler(IInvitations invitations, IMerchantDirectory merchants, IEmailLookup lookup, IPasswordHasher hasher, PasswordPolicy policy, ISessionStore sessions, IThrottle throttle, TimeProvider time)
{
    public const int MaxNameLength = 100;

    /// <param name="client">The caller's IP address, for the sign-in throttle an existing account's password goes through.</param>
    public async Task<AcceptedInvitation> HandleAsync(AcceptInvitationCommand command, IPAddress? client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var invalid = new ValidationFailedException("token", "This invitation is invalid, used, revoked or expired; ask for a new one.");
        var tokenHash = SecureToken.HashOf(command.Token) ?? throw invalid;
        var invitation = await invitations.FindByTokenAsync(tokenHash, cancellationToken);
        if (invitation is null || time.GetUtcNow() >= invitation.ExpiresAt
            || await merchants.GetMerchantAsync(invitation.MerchantId, cancellationToken) is null or { IsClosed: true })
        {
            throw invalid;
        }

        if (await lookup.FindAsync(invitation.Email, cancellationToken) is { } existing && existing.UserId != invitation.UserId)
        {
            return await JoinWithExistingAccountAsync(invitation, existing, command.Password, client, cancellationToken);
        }

        var name = Validate(command, invitation);

        var now = time.GetUtcNow();
        await merchants.AddMemberAsync(invitation.MerchantId, new Member(invitation.UserId, name, invitation.Email, invitation.Role, now), cancellationToken);
        var holder = await lookup.AddOrGetAsync(new Credential(invitation.Email, invitation.UserId, invitation.MerchantId, hasher.Hash(command.Password!)), cancellationToken);
        if (holder.UserId != invitation.UserId)
        {
            await merchants.RemoveMemberAsync(invitation.MerchantId, invitation.UserId, cancellationToken);
            throw new ConflictException("This email got a SooperSeller account meanwhile; open the link again and give that account's password.");
        }

        await invitations.RemoveAsync(invitation.MerchantId, invitation.Id, cancellationToken);
        var session = await sessions.CreateAsync(new SessionSubject(invitation.UserId, invitation.MerchantId, invitation.Role), cancellationToken);
        return new AcceptedInvitation(invitation, invitation.UserId, session);
    }

    private async Task<AcceptedInvitation> JoinWithExistingAccountAsync(Invitation invitation, Credential existing, string? password, IPAddress? client, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(password))
        {
            throw new ValidationFailedException("password", "This email already has a SooperSeller account: give its password to join.");
        }

        // The sign-in's keys and limits: accepting is one more way to try a password, so it counts with sign-in.
        var clientKey = ThrottleKey.ForClient(ThrottleKind.SignInIp, client);
        var accountKey = ThrottleKey.ForEmail(ThrottleKind.SignInAccount, invitation.Email.Value);
        await throttle.AcquireOrThrowAsync(clientKey, cancellationToken);
        await throttle.AcquireOrThrowAsync(accountKey, cancellationToken);
        if (!hasher.Verify(password, existing.PasswordHash).Valid)
        {
            throw new UnauthenticatedException("The password is wrong.");
        }

        await throttle.ResetAsync(accountKey, cancellationToken);
        await throttle.ReleaseAsync(clientKey, cancellationToken);

        // The member's name as the person's first merchant knows it (the invitation has only the address).
        var known = await merchants.GetMemberAsync(existing.MerchantId, existing.UserId, cancellationToken);
        var name = known?.Name ?? invitation.Email.Value;
        await merchants.AddMemberAsync(invitation.MerchantId, new Member(existing.UserId, name, invitation.Email, invitation.Role, time.GetUtcNow()), cancellationToken);
        await invitations.RemoveAsync(invitation.MerchantId, invitation.Id, cancellationToken);
        // A repeat after a crash finds the member already there: AddMemberAsync keeps it, and the session has its role.
        var member = await merchants.GetMemberAsync(invitation.MerchantId, existing.UserId, cancellationToken);
        var session = await sessions.CreateAsync(new SessionSubject(existing.UserId, invitation.MerchantId, member?.Role ?? invitation.Role), cancellationToken);
        await merchants.MarkMembershipUsedAsync(existing.UserId, invitation.MerchantId, time.GetUtcNow(), cancellationToken);
        return new AcceptedInvitation(invitation, existing.UserId, session);
    }

    private string Validate(AcceptInvitationCommand command, Invitation invitation)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = command.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            errors["name"] = [$"Give your name, up to {MaxNameLength} characters."];
        }

        var password = policy.Check(command.Password, PasswordAudience.Merchant, invitation.Email.Value, businessName: null);
        if (!password.IsAcceptable)
        {
            errors["password"] = [password.Reason];
        }

        return errors.Count > 0 ? throw new ValidationFailedException(errors) : name!;
    }
}
