using SooperSeller.Core.Accounts.Passwords;
using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Core.Errors;

namespace SooperSeller.Core.Accounts.Team;

public sealed record AcceptInvitationCommand(string? Token, string? Name, string? Password);

/// <summary>The member an accepted invitation created, and their new session.</summary>
public sealed record AcceptedInvitation(Invitation Invitation, NewSession Session);

/// <summary>
/// <c>POST /api/invitations/accept</c>: a person without an account joins the inviting merchant with a name and a
/// password, and is signed in. The write order is Verify's: 1) the membership (fixed user id from the invitation,
/// idempotent, unreachable until) 2) the email lookup row, the commit point, 3) the invitation is consumed. A crash
/// before 3 leaves the link valid and accepting again completes the same account. One person belongs to one merchant
/// for now: an address that already has an account is refused with 409 (before anything is written), and an address
/// that got an account meanwhile undoes step 1.
/// </summary>
public sealed class AcceptInvitationHandler(IInvitations invitations, IMerchantDirectory merchants, IEmailLookup lookup, IPasswordHasher hasher, PasswordPolicy policy, ISessionStore sessions, TimeProvider time)
{
    public const int MaxNameLength = 100;

    public async Task<AcceptedInvitation> HandleAsync(AcceptInvitationCommand command, CancellationToken cancellationToken)
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

        var name = Validate(command, invitation);
        if (await lookup.FindAsync(invitation.Email, cancellationToken) is { } existing && existing.UserId != invitation.UserId)
        {
            throw new ConflictException("This email already has a SooperSeller account; one account belongs to one merchant for now.");
        }

        var now = time.GetUtcNow();
        await merchants.AddMemberAsync(invitation.MerchantId, new Member(invitation.UserId, name, invitation.Email, invitation.Role, now), cancellationToken);
        var holder = await lookup.AddOrGetAsync(new Credential(invitation.Email, invitation.UserId, invitation.MerchantId, hasher.Hash(command.Password!)), cancellationToken);
        if (holder.UserId != invitation.UserId)
        {
            await merchants.RemoveMemberAsync(invitation.MerchantId, invitation.UserId, cancellationToken);
            throw new ConflictException("This email already has a SooperSeller account; one account belongs to one merchant for now.");
        }

        await invitations.RemoveAsync(invitation.MerchantId, invitation.Id, cancellationToken);
        var session = await sessions.CreateAsync(new SessionSubject(invitation.UserId, invitation.MerchantId, invitation.Role), cancellationToken);
        return new AcceptedInvitation(invitation, session);
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
