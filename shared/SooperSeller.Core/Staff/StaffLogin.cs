using System.Net;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Passwords;
using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Core.Accounts.Throttling;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Secrets;

namespace SooperSeller.Core.Staff;

public sealed record StaffLoginCommand(string? Email, string? Password, string? Totp);

/// <summary>
/// Staff sign-in: email, password and a TOTP code, all required. Every failure (missing field, unknown email, wrong
/// password, wrong, stale or reused code) is the same 401 after the same password work. Throttled like merchant
/// sign-in, under counters of its own. The session carries no merchant. A hash made with weaker parameters is upgraded
/// in the same conditional write that uses up the TOTP step.
/// </summary>
public sealed class StaffLoginHandler(IStaffAccounts accounts, IPasswordHasher hasher, ITotp totp, ISecretStore secrets, IStaffSessionStore sessions, IThrottle throttle, TimeProvider time)
{
    public async Task<NewSession> HandleAsync(StaffLoginCommand command, IPAddress? client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var wrong = new UnauthenticatedException("The email, password or code is wrong.");
        var clientKey = ThrottleKey.ForClient(ThrottleKind.SignInIp, client);
        var accountKey = ThrottleKey.ForEmail(ThrottleKind.SignInAccount, "staff:" + (command.Email ?? string.Empty));
        await throttle.AcquireOrThrowAsync(clientKey, cancellationToken);
        await throttle.AcquireOrThrowAsync(accountKey, cancellationToken);

        var password = command.Password ?? string.Empty;
        var account = EmailAddress.TryParse(command.Email, out var email) ? await accounts.FindAsync(email, cancellationToken) : null;
        if (account is null)
        {
            hasher.VerifyDummy(password);
            throw wrong;
        }

        var verification = password.Length == 0 ? default : hasher.Verify(password, account.PasswordHash);
        if (!verification.Valid)
        {
            throw wrong;
        }

        var secret = await secrets.GetAsync(StaffAccount.TotpSecretName(account.StaffId), cancellationToken) ?? throw wrong;
        if (totp.Verify(secret, command.Totp, time.GetUtcNow(), account.LastTotpStep) is not { } step
            || !await accounts.TryUseTotpStepAsync(account, step, verification.NeedsRehash ? hasher.Hash(password) : null, cancellationToken))
        {
            throw wrong;
        }

        await throttle.ResetAsync(accountKey, cancellationToken);
        await throttle.ReleaseAsync(clientKey, cancellationToken);
        return await sessions.CreateAsync(account.StaffId, cancellationToken);
    }
}
