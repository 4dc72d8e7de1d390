using System.Net;
using SooperSeller.Core.Accounts.Throttling;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Notifications;

namespace SooperSeller.Core.Accounts.PasswordReset;

public sealed record RequestPasswordResetCommand(string? Email);

/// <summary>
/// Password reset, step one. The caller always sees the same 202 after the same work (a lookup and one email either
/// way), so the route tells nobody which addresses have accounts: an account's address gets a single-use link valid
/// <see cref="LinkLifetime"/>, any other address a notice that it has no account. Throttled like sign-up
/// (<see cref="ThrottlePolicy"/>): past the limit per client, 429; past the limit per address, the same 202 and no email,
/// so no inbox can be mail-bombed through this route.
/// </summary>
public sealed class RequestPasswordResetHandler(IEmailLookup lookup, IPasswordResets resets, IOutbox outbox, IAccountLinks links, IThrottle throttle, TimeProvider time)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(30);

    /// <param name="client">The caller's IP address as the host sees it, for the per-client limit (null when unknown).</param>
    public async Task HandleAsync(RequestPasswordResetCommand command, IPAddress? client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!EmailAddress.TryParse(command.Email, out var email))
        {
            throw new ValidationFailedException("email", "Give a valid email address.");
        }

        await throttle.AcquireOrThrowAsync(ThrottleKey.ForClient(ThrottleKind.PasswordResetIp, client), cancellationToken);
        if (!(await throttle.TryAcquireAsync(ThrottleKey.ForEmail(ThrottleKind.PasswordResetEmail, email), cancellationToken)).Allowed)
        {
            return;
        }

        var now = time.GetUtcNow();
        var credential = await lookup.FindAsync(email, cancellationToken);
        if (credential is null)
        {
            await outbox.EnqueueAsync(
                OutgoingEmail.Create(
                    $"password-reset-unknown:{email}:{now:yyyyMMddHH}",
                    email.Value,
                    "Password reset requested for SooperSeller",
                    "Someone (perhaps you) asked to reset the SooperSeller password for this address, but it has no SooperSeller account.\n\nIf you signed up with another address, request the reset for that one. If it was not you, you can ignore this email.",
                    [],
                    now),
                cancellationToken);
            return;
        }

        var token = SecureToken.New();
        var tokenHash = SecureToken.HashOf(token)!;
        await resets.AddAsync(tokenHash, new PendingPasswordReset(credential.UserId, email, credential.Version, now + LinkLifetime), cancellationToken);
        var reset = links.PasswordReset(token);
        await outbox.EnqueueAsync(
            OutgoingEmail.Create(
                $"password-reset:{tokenHash}",
                email.Value,
                "Reset your SooperSeller password",
                $"Someone (perhaps you) asked to reset your SooperSeller password. Choose a new one here:\n\n{reset}\n\nThe link works once, for 30 minutes, and signs you out everywhere. If it was not you, ignore this email: your password stays as it is.",
                [reset],
                now),
            cancellationToken);
    }
}
