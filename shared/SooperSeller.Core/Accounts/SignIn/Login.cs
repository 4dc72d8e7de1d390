using SooperSeller.Core.Accounts.Passwords;
using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Core.Errors;

namespace SooperSeller.Core.Accounts.SignIn;

public sealed record LoginCommand(string? Email, string? Password);

/// <summary>
/// Sign-in. An unknown email and a wrong password get the same 401 after the same work (a dummy verification), so
/// the answer tells nobody which addresses have accounts. A hash made with weaker parameters is upgraded on success.
/// Every sign-in starts a new session with a new token.
/// </summary>
public sealed class LoginHandler(IEmailLookup lookup, IPasswordHasher hasher, IMerchantDirectory merchants, ISessionStore sessions)
{
    public async Task<NewSession> HandleAsync(LoginCommand command, CancellationToken cancellationToken)
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

        if (verification.NeedsRehash)
        {
            await lookup.UpdatePasswordHashAsync(credential, hasher.Hash(command.Password!), cancellationToken);
        }

        var member = await merchants.GetMemberAsync(credential.MerchantId, credential.UserId, cancellationToken) ?? throw wrong;
        return await sessions.CreateAsync(new SessionSubject(credential.UserId, credential.MerchantId, member.Role), cancellationToken);
    }
}
