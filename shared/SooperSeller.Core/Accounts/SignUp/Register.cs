using System.Net;
using SooperSeller.Core.Accounts.Passwords;
using SooperSeller.Core.Accounts.Throttling;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Notifications;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Accounts.SignUp;

public sealed record RegisterCommand(string? Name, string? Email, string? Password, string? BusinessName);

/// <summary>
/// Sign-up, step one. Whatever the address, the caller sees the same answer after the same work (a password hash
/// either way), so the endpoint tells nobody which addresses have accounts: a new address gets a verification link
/// (single use, 24 hours), a registered one a notice instead. Throttled (<see cref="ThrottlePolicy"/>): past the limit
/// per client, 429; past the limit per address, the same 202 and no email, so no address can be mail-bombed and the
/// answer still tells nothing.
/// </summary>
public sealed class RegisterHandler(
    IEmailLookup lookup,
    IPendingRegistrations pending,
    IPasswordHasher hasher,
    PasswordPolicy policy,
    IOutbox outbox,
    IAccountLinks links,
    IThrottle throttle,
    TimeProvider time)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(24);
    public const int MaxNameLength = 100;
    public const int MaxBusinessNameLength = 120;

    /// <param name="client">The caller's IP address as the host sees it, for the per-client limit (null when unknown).</param>
    public async Task HandleAsync(RegisterCommand command, IPAddress? client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (name, email, businessName) = Validate(command);
        // Before the hash: a client over its limit costs no Argon2 work, and its 429 depends on nothing about the address.
        await throttle.AcquireOrThrowAsync(ThrottleKey.ForClient(ThrottleKind.RegisterIp, client), cancellationToken);
        var passwordHash = hasher.Hash(command.Password!);
        var now = time.GetUtcNow();
        // Past the per-address limit: the same 202, and nothing sent.
        if (!(await throttle.TryAcquireAsync(ThrottleKey.ForEmail(ThrottleKind.RegisterEmail, email), cancellationToken)).Allowed)
        {
            return;
        }

        if (await lookup.FindAsync(email, cancellationToken) is not null)
        {
            var signIn = links.SignIn();
            var reset = links.PasswordReset();
            await outbox.EnqueueAsync(
                OutgoingEmail.Create(
                    $"register-notice:{email}:{now:yyyyMMddHH}",
                    email.Value,
                    "Someone tried to sign up with your email",
                    $"Someone (perhaps you) tried to create a SooperSeller account with this address, which already has one.\n\nSign in: {signIn}\nForgot your password? {reset}\n\nIf it was not you, you can ignore this email.",
                    [signIn, reset],
                    now),
                cancellationToken);
            return;
        }

        var token = SecureToken.New();
        var registration = new PendingRegistration(name, email, businessName, passwordHash, "usr_" + Guid.NewGuid().ToString("N"), MerchantId.New(), now + LinkLifetime);
        await pending.AddAsync(SecureToken.HashOf(token)!, registration, cancellationToken);
        var verify = links.Verification(token);
        await outbox.EnqueueAsync(
            OutgoingEmail.Create(
                $"register-verify:{SecureToken.HashOf(token)}",
                email.Value,
                "Confirm your email for SooperSeller",
                $"Welcome to SooperSeller. Confirm your email to create your account:\n\n{verify}\n\nThe link works once, for 24 hours. If you did not sign up, ignore this email.",
                [verify],
                now),
            cancellationToken);
    }

    private (string Name, EmailAddress Email, string BusinessName) Validate(RegisterCommand command)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = command.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            errors["name"] = [$"Give your name, up to {MaxNameLength} characters."];
        }

        var businessName = command.BusinessName?.Trim();
        if (string.IsNullOrEmpty(businessName) || businessName.Length > MaxBusinessNameLength)
        {
            errors["businessName"] = [$"Give your business name, up to {MaxBusinessNameLength} characters."];
        }

        if (!EmailAddress.TryParse(command.Email, out var email))
        {
            errors["email"] = ["Give a valid email address."];
        }

        var password = policy.Check(command.Password, PasswordAudience.Merchant, command.Email?.Trim(), businessName);
        if (!password.IsAcceptable)
        {
            errors["password"] = [password.Reason];
        }

        return errors.Count > 0 ? throw new ValidationFailedException(errors) : (name!, email, businessName!);
    }
}
