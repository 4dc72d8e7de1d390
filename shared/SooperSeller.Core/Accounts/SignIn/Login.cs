using System.Net;
using SooperSeller.Core.Accounts.Passwords;
using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Core.Accounts.Throttling;
using SooperSeller.Core.Accounts.TwoStep;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Secrets;
using SooperSeller.Core.Staff;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Accounts.SignIn;

/// <param name="Totp">The current code from the authenticator app, for users who turned two-step sign-in on.</param>
public sealed record LoginCommand(string? Email, string? Password, string? Totp = null);

/// <summary>
/// Sign-in. An unknown email and a wrong password get the same 401 after the same work (a dummy verification), so
/// the answer tells nobody which addresses have accounts. A hash made with weaker parameters is upgraded on success.
/// Every sign-in starts a new session with a new token. Failures are throttled per address and per client
/// (<see cref="ThrottlePolicy"/>): past a limit, 429 before any password is checked. A person may belong to several
/// merchants: sign-in picks the most recently used one they are still a member of; with none left it is the same 401
/// as a wrong password (nothing to sign in to, and nothing said about the account). A user with two-step sign-in on
/// gets, after the right password only, a 401 with code <c>totp_required</c> until the request carries a current code
/// (never one used before); the account's throttle counts those attempts too.
/// </summary>
public sealed class LoginHandler(IEmailLookup lookup, IPasswordHasher hasher, IMerchantDirectory merchants, ISessionStore sessions, IThrottle throttle, ITotp totp, ISecretStore secrets, TimeProvider time)
{
    /// <param name="client">The caller's IP address as the host sees it, for the per-client limit (null when unknown).</param>
    public async Task<NewSession> HandleAsync(LoginCommand command, IPAddress? client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(command.Email))
        {
            errors["email"] = ["Give your email address."];
        }

        if (string.IsNullOrEmpty(command.Password))
        {
            errors["password"] = ["Give your password."];
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        // Counted before the password is checked, and under the address as typed whether or not an account has it, so
        // the throttle says no more than the 401 does about which addresses have accounts.
        var clientKey = ThrottleKey.ForClient(ThrottleKind.SignInIp, client);
        var accountKey = ThrottleKey.ForEmail(ThrottleKind.SignInAccount, command.Email!);
        await throttle.AcquireOrThrowAsync(clientKey, cancellationToken);
        await throttle.AcquireOrThrowAsync(accountKey, cancellationToken);

        var wrong = new UnauthenticatedException("The email or password is wrong.");
        var credential = EmailAddress.TryParse(command.Email, out var email) ? await lookup.FindAsync(email, cancellationToken) : null;
        if (credential is null)
        {
            hasher.VerifyDummy(command.Password!);
            throw wrong;
        }

        var verification = hasher.Verify(command.Password!, credential.PasswordHash);
        if (!verification.Valid)
        {
            throw wrong;
        }

        var newHash = verification.NeedsRehash ? hasher.Hash(command.Password!) : null;
        if (credential.TotpEnabled)
        {
            var codeNeeded = new UnauthenticatedException("Enter the current code from your authenticator app.") { Code = UnauthenticatedException.TotpRequired };
            var secret = await secrets.GetAsync(TwoStepHandler.SecretNameFor(credential.UserId), cancellationToken) ?? throw codeNeeded;
            if (totp.Verify(secret, command.Totp?.Trim(), time.GetUtcNow(), credential.LastTotpStep) is not { } step
                || !await lookup.TryUseTotpStepAsync(credential, step, newHash, cancellationToken))
            {
                throw codeNeeded;
            }
        }
        else if (newHash is not null)
        {
            await lookup.UpdatePasswordHashAsync(credential, newHash, cancellationToken);
        }

        await throttle.ResetAsync(accountKey, cancellationToken);
        await throttle.ReleaseAsync(clientKey, cancellationToken);

        var (merchantId, role) = await PickMerchantAsync(credential, cancellationToken) ?? throw wrong;
        var session = await sessions.CreateAsync(new SessionSubject(credential.UserId, merchantId, role), cancellationToken);

        // Checked after the session exists: closure marks the profile before it revokes every session, so a sign-in
        // racing it either sees the mark here or has its session revoked there. Said only after the right password.
        if (await merchants.GetMerchantAsync(merchantId, cancellationToken) is { IsClosed: true })
        {
            await sessions.RevokeAsync(session.Token, cancellationToken);
            throw new ForbiddenException("This account is closed.");
        }

        await merchants.MarkMembershipUsedAsync(credential.UserId, merchantId, time.GetUtcNow(), cancellationToken);
        return session;
    }

    /// <summary>
    /// The merchant to sign in to: the most recently used one the person is still a member of, preferring open ones
    /// (a closed one only when nothing else is left, so the 403 says it is closed). The credential's merchant, where the
    /// account began, is the fallback for a person with no membership rows. Null when no membership is left.
    /// </summary>
    private async Task<(MerchantId MerchantId, Role Role)?> PickMerchantAsync(Credential credential, CancellationToken cancellationToken)
    {
        var candidates = (await merchants.ListMembershipsAsync(credential.UserId, cancellationToken)).OrderByDescending(m => m.RecentAt).Select(m => m.MerchantId).ToList();
        if (!candidates.Contains(credential.MerchantId))
        {
            candidates.Add(credential.MerchantId);
        }

        (MerchantId, Role)? closed = null;
        foreach (var merchantId in candidates)
        {
            if (await merchants.GetMemberAsync(merchantId, credential.UserId, cancellationToken) is not { } member)
            {
                continue;
            }

            if (await merchants.GetMerchantAsync(merchantId, cancellationToken) is { IsClosed: true })
            {
                closed ??= (merchantId, member.Role);
                continue;
            }

            return (merchantId, member.Role);
        }

        return closed;
    }
}
