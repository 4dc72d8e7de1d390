using SooperSeller.Core.Accounts.Throttling;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Notifications;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Accounts.Team;

public sealed record CreateInvitationCommand(string? Email, string? Role);

/// <summary>An invitation as the team page lists it.</summary>
public sealed record InvitationView(string Id, string Email, Role Role, string InvitedBy, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

/// <summary>
/// Invitations of the caller's merchant (<see cref="Permission.ManageUsers"/>): list the pending ones, invite, revoke.
/// Inviting an address that already has a pending invitation replaces it (that is the resend: a new link, the old one
/// stops working). Any role but owner may be given (ownership moves only by transfer); managers may invite managers.
/// Sends are throttled per merchant and per recipient address (<see cref="ThrottlePolicy"/>), against mail bombing.
/// </summary>
public sealed class InvitationsHandler(
    IInvitations invitations, IMerchantDirectory merchants, IEmailLookup lookup, IOutbox outbox, IAccountLinks links, IThrottle throttle, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public async Task<IReadOnlyList<InvitationView>> ListAsync(MerchantId merchantId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return [.. (await invitations.ListAsync(merchantId, cancellationToken)).Where(i => i.ExpiresAt > now).OrderByDescending(i => i.CreatedAt).Select(ToView)];
    }

    public async Task<InvitationView> CreateAsync(MerchantId merchantId, string inviterId, CreateInvitationCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (email, role) = Validate(command);
        if (await lookup.FindAsync(email, cancellationToken) is { } credential && credential.MerchantId == merchantId
            && await merchants.GetMemberAsync(merchantId, credential.UserId, cancellationToken) is not null)
        {
            throw new ConflictException("This person is already a member of the team.");
        }

        await throttle.AcquireOrThrowAsync(ThrottleKey.ForMerchant(ThrottleKind.InvitationMerchant, merchantId), cancellationToken);
        await throttle.AcquireOrThrowAsync(ThrottleKey.ForEmail(ThrottleKind.InvitationEmail, email), cancellationToken);

        foreach (var previous in (await invitations.ListAsync(merchantId, cancellationToken)).Where(i => i.Email == email))
        {
            await invitations.RemoveAsync(merchantId, previous.Id, cancellationToken);
        }

        var now = time.GetUtcNow();
        var token = SecureToken.New();
        var tokenHash = SecureToken.HashOf(token)!;
        var invitation = new Invitation("inv_" + Guid.NewGuid().ToString("N"), merchantId, email, role, inviterId, "usr_" + Guid.NewGuid().ToString("N"), now, now + Lifetime);
        await invitations.AddAsync(tokenHash, invitation, cancellationToken);
        var business = (await merchants.GetMerchantAsync(merchantId, cancellationToken))?.BusinessName ?? "a SooperSeller merchant";
        var accept = links.Invitation(token);
        await outbox.EnqueueAsync(
            OutgoingEmail.Create(
                $"invitation:{tokenHash}",
                email.Value,
                "You are invited to join a team on SooperSeller",
                $"You are invited to join {business} on SooperSeller as {role.ToString().ToLowerInvariant()}.\n\nAccept the invitation:\n\n{accept}\n\nThe link works once, for 7 days. If you did not expect this, ignore this email.",
                [accept],
                now),
            cancellationToken);
        return ToView(invitation);
    }

    /// <summary>Revokes a pending invitation of the merchant; 404 for any other id (another merchant's included).</summary>
    public async Task RevokeAsync(MerchantId merchantId, string invitationId, CancellationToken cancellationToken)
    {
        if (!await invitations.RemoveAsync(merchantId, invitationId, cancellationToken))
        {
            throw new NotFoundException("Invitation", "(the given id)"); // not echoed: it may be another merchant's
        }
    }

    private static InvitationView ToView(Invitation i) => new(i.Id, i.Email.Value, i.Role, i.InvitedBy, i.CreatedAt, i.ExpiresAt);

    private static (EmailAddress Email, Role Role) Validate(CreateInvitationCommand command)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!EmailAddress.TryParse(command.Email, out var email))
        {
            errors["email"] = ["Give a valid email address."];
        }

        if (!TryParseRole(command.Role, out var role) || role == Role.Owner)
        {
            errors["role"] = ["Give one of: manager, operator, accountant, viewer (ownership moves only by transfer)."];
        }

        return errors.Count > 0 ? throw new ValidationFailedException(errors) : (email, role);
    }

    /// <summary>A role by its name (case-insensitive); numbers are not names.</summary>
    public static bool TryParseRole(string? text, out Role role)
    {
        role = default;
        return !string.IsNullOrWhiteSpace(text) && char.IsLetter(text.Trim()[0]) && Enum.TryParse(text.Trim(), ignoreCase: true, out role) && Enum.IsDefined(role);
    }
}
