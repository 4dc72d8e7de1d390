using SooperSeller.Core.Accounts.Passwords;
using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Core.Accounts.Throttling;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Secrets;
using SooperSeller.Core.Staff;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Accounts.TwoStep;

/// <summary>What the user scans into an authenticator app; shown once, at the start of set-up.</summary>
public sealed record TwoStepEnrolment(string Secret, string OtpAuthUri);

public sealed record ConfirmTwoStepCommand(string? Code);

public sealed record DisableTwoStepCommand(string? Password, string? Code);

/// <summary>
/// Optional two-step sign-in (TOTP) for merchant users, owners first among them: set-up starts with a new secret kept
/// pending in the secret store, and takes effect only when a code from it is confirmed, so a half-finished set-up can
/// never lock anybody out. From then on sign-in asks for a code after the right password. Turning it off takes the
/// password and a current code. Secrets live only in the secret store (<see cref="SecretNameFor"/>), never in a table.
/// Wrong passwords and codes count against the account's sign-in throttle, as sign-in does.
/// </summary>
public sealed class TwoStepHandler(IMerchantDirectory merchants, IEmailLookup lookup, IPasswordHasher hasher, ITotp totp, ISecretStore secrets, ISessionStore sessions, IThrottle throttle, TimeProvider time)
{
    /// <summary>The secret-store name of a user's active TOTP secret.</summary>
    public static SecretName SecretNameFor(string userId) => new("user-totp-" + Safe(userId));

    /// <summary>The secret-store name of a set-up not yet confirmed.</summary>
    public static SecretName PendingSecretNameFor(string userId) => new("user-totp-pending-" + Safe(userId));

    public async Task<TwoStepEnrolment> StartAsync(MerchantId merchantId, string userId, CancellationToken cancellationToken)
    {
        var (email, credential) = await CredentialOfAsync(merchantId, userId, cancellationToken);
        if (credential.TotpEnabled)
        {
            throw new ConflictException("Two-step sign-in is on already; turn it off first to move to another authenticator.");
        }

        var secret = totp.NewSecret();
        await secrets.SetAsync(PendingSecretNameFor(userId), secret, cancellationToken);
        return new TwoStepEnrolment(secret, totp.UriFor(secret, email.Value));
    }

    /// <summary>Turns two-step sign-in on with the pending secret once a code from it matches; the user's other sessions end.</summary>
    public async Task ConfirmAsync(MerchantId merchantId, string userId, string sessionId, ConfirmTwoStepCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (email, credential) = await CredentialOfAsync(merchantId, userId, cancellationToken);
        if (credential.TotpEnabled)
        {
            throw new ConflictException("Two-step sign-in is on already.");
        }

        var pending = await secrets.GetAsync(PendingSecretNameFor(userId), cancellationToken) ?? throw new ConflictException("Start setting up two-step sign-in first (POST /api/me/totp).");
        var accountKey = ThrottleKey.ForEmail(ThrottleKind.SignInAccount, email);
        await throttle.AcquireOrThrowAsync(accountKey, cancellationToken);
        var step = totp.Verify(pending, command.Code?.Trim(), time.GetUtcNow(), lastUsedStep: 0)
            ?? throw new ValidationFailedException("code", "The code is wrong or too old; enter the current 6-digit code from your authenticator app.");
        await throttle.ResetAsync(accountKey, cancellationToken);

        // The active secret is written before the flag that makes sign-in ask for it, so sign-in never finds the flag without it.
        await secrets.SetAsync(SecretNameFor(userId), pending, cancellationToken);
        await lookup.SetTotpAsync(credential, enabled: true, step, cancellationToken);
        await secrets.DeleteAsync(PendingSecretNameFor(userId), cancellationToken);
        await sessions.RevokeAllAsync(userId, sessionId, cancellationToken);
    }

    /// <summary>Turns two-step sign-in off: the password and a current code are both required.</summary>
    public async Task DisableAsync(MerchantId merchantId, string userId, DisableTwoStepCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (email, credential) = await CredentialOfAsync(merchantId, userId, cancellationToken);
        if (!credential.TotpEnabled)
        {
            throw new ConflictException("Two-step sign-in is off already.");
        }

        if (string.IsNullOrEmpty(command.Password))
        {
            throw new ValidationFailedException("password", "Give your password.");
        }

        var accountKey = ThrottleKey.ForEmail(ThrottleKind.SignInAccount, email);
        await throttle.AcquireOrThrowAsync(accountKey, cancellationToken);
        if (!hasher.Verify(command.Password, credential.PasswordHash).Valid)
        {
            throw new ValidationFailedException("password", "Your password is wrong.");
        }

        var secret = await secrets.GetAsync(SecretNameFor(userId), cancellationToken);
        if (secret is null || totp.Verify(secret, command.Code?.Trim(), time.GetUtcNow(), credential.LastTotpStep) is not { } step)
        {
            throw new ValidationFailedException("code", "The code is wrong or too old; enter the current 6-digit code from your authenticator app.");
        }

        await throttle.ResetAsync(accountKey, cancellationToken);
        await lookup.SetTotpAsync(credential, enabled: false, step, cancellationToken);
        await secrets.DeleteAsync(SecretNameFor(userId), cancellationToken);
    }

    private async Task<(EmailAddress Email, Credential Credential)> CredentialOfAsync(MerchantId merchantId, string userId, CancellationToken cancellationToken)
    {
        var member = await merchants.GetMemberAsync(merchantId, userId, cancellationToken) ?? throw new NotFoundException("user", userId);
        var credential = await lookup.FindAsync(member.Email, cancellationToken);
        return credential is null || credential.UserId != userId ? throw new NotFoundException("user", userId) : (member.Email, credential);
    }

    // Secret names allow letters, digits and dashes; user ids are "usr_" and hex.
    private static string Safe(string userId) => userId.Replace('_', '-');
}
