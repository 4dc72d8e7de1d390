using SooperSeller.Core.Accounts.Passwords;
using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Core.Accounts.Throttling;
using SooperSeller.Core.Errors;

namespace SooperSeller.Core.Accounts.PasswordReset;

public sealed record ConfirmPasswordResetCommand(string? Token, string? NewPassword);

/// <summary>
/// Password reset, step two: the link's token sets a new password. The token is consumed before the password is
/// written, so two requests racing with one link cannot both use it; the link is also dead once the password changed by
/// any route since it was sent (the email lookup row's version). Then every session of the user ends and the sign-in
/// throttle for the address is cleared: whoever holds the mailbox has proved who they are.
/// </summary>
public sealed class ConfirmPasswordResetHandler(
    IPasswordResets resets,
    IEmailLookup lookup,
    IMerchantDirectory merchants,
    IPasswordHasher hasher,
    PasswordPolicy policy,
    ISessionStore sessions,
    IThrottle throttle,
    TimeProvider time)
{
    public async Task HandleAsync(ConfirmPasswordResetCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var invalid = new ValidationFailedException("token", "This link is invalid, used or expired; ask for a new one.");
        var tokenHash = SecureToken.HashOf(command.Token) ?? throw invalid;
        var reset = await resets.FindAsync(tokenHash, cancellationToken);
        if (reset is null || time.GetUtcNow() >= reset.ExpiresAt)
        {
            throw invalid;
        }

        var credential = await lookup.FindAsync(reset.Email, cancellationToken);
        if (credential is null || credential.UserId != reset.UserId || credential.Version != reset.CredentialVersion)
        {
            await resets.RemoveAsync(tokenHash, cancellationToken);
            throw invalid;
        }

        var merchant = await merchants.GetMerchantAsync(credential.MerchantId, cancellationToken);
        policy.EnsureAcceptable(command.NewPassword, PasswordAudience.Merchant, reset.Email.Value, merchant?.BusinessName, "newPassword");
        if (!await resets.RemoveAsync(tokenHash, cancellationToken))
        {
            throw invalid;
        }

        await lookup.UpdatePasswordHashAsync(credential, hasher.Hash(command.NewPassword!), cancellationToken);
        await sessions.RevokeAllAsync(credential.UserId, null, cancellationToken);
        await throttle.ResetAsync(ThrottleKey.ForEmail(ThrottleKind.SignInAccount, reset.Email), cancellationToken);
    }
}
