using System.Net;
using SooperSeller.Core.Accounts.Passwords;
using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Core.Accounts.Throttling;
using SooperSeller.Core.Errors;

namespace SooperSeller.Core.Accounts.SignIn;

public sealed record LoginCommand(string? Email, string? Password);

/// <summary>
/// Sign-in. An unknown email and a wrong password get the same 401 after the same work (a dummy verification), so
/// the answer tells nobody which addresses have accounts. A hash made with weaker parameters is upgraded on success.
/// Every sign-in starts a new session with a new token. Failures are throttled per address and per client
/// (<see cref="ThrottlePolicy"/>): past a limit, 429 before any password is checked.
/// </summary>
public sealed class LoginHandler(IEmailLookup lookup, IPasswordHasher hasher, IMerchantDirectory merchants, ISessionStore sessions, IThrottle throttle)
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

        await throttle.ResetAsync(accountKey, cancellationToken);
        await throttle.ReleaseAsync(clientKey, cancellationToken);
        if (verification.NeedsRehash)
        {
            await lookup.UpdatePasswordHashAsync(credential, hasher.Hash(command.Password!), cancellationToken);
        }

        var member = await merchants.GetMemberAsync(credential.MerchantId, credential.UserId, cancellationToken) ?? throw wrong;
        var session = await sessions.CreateAsync(new SessionSubject(credential.UserId, credential.MerchantId, member.Role), cancellationToken);

        // Checked after the session exists: closure marks the profile before it revokes every session, so a sign-in
        // racing it either sees the mark here or has its session revoked there. Said only after the right password.
        if (await merchants.GetMerchantAsync(credential.MerchantId, cancellationToken) is { IsClosed: true })
        {
            await sessions.RevokeAsync(session.Token, cancellationToken);
            throw new ForbiddenException("This account is closed.");
        }

        return session;
    }
}
