using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Core.Accounts.Throttling;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Accounts.Passwords;

public sealed record ChangePasswordCommand(string? CurrentPassword, string? NewPassword);

/// <summary>
/// A signed-in user changes their password. A wrong current password is a 400 naming <c>currentPassword</c>, not a
/// 401, which the front end would take for a lost session. Wrong guesses count against the account's sign-in throttle
/// (a stolen session cannot guess the password faster than sign-in could); a right one clears it. Every other session
/// of the user ends; the current one stays.
/// </summary>
public sealed class ChangePasswordHandler(
    IMerchantDirectory merchants,
    IEmailLookup lookup,
    IPasswordHasher hasher,
    PasswordPolicy policy,
    ISessionStore sessions,
    IThrottle throttle)
{
    public async Task HandleAsync(MerchantId merchantId, string userId, string sessionId, ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrEmpty(command.CurrentPassword))
        {
            throw new ValidationFailedException("currentPassword", "Give your current password.");
        }

        var member = await merchants.GetMemberAsync(merchantId, userId, cancellationToken) ?? throw new NotFoundException("user", userId);
        var credential = await lookup.FindAsync(member.Email, cancellationToken);
        if (credential is null || credential.UserId != userId)
        {
            throw new NotFoundException("user", userId);
        }

        var merchant = await merchants.GetMerchantAsync(merchantId, cancellationToken);
        policy.EnsureAcceptable(command.NewPassword, PasswordAudience.Merchant, member.Email.Value, merchant?.BusinessName, "newPassword");
        var accountKey = ThrottleKey.ForEmail(ThrottleKind.SignInAccount, member.Email);
        await throttle.AcquireOrThrowAsync(accountKey, cancellationToken);
        if (!hasher.Verify(command.CurrentPassword, credential.PasswordHash).Valid)
        {
            throw new ValidationFailedException("currentPassword", "Your current password is wrong.");
        }

        await throttle.ResetAsync(accountKey, cancellationToken);
        await lookup.UpdatePasswordHashAsync(credential, hasher.Hash(command.NewPassword!), cancellationToken);
        await sessions.RevokeAllAsync(userId, sessionId, cancellationToken);
    }
}
