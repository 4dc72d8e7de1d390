using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Passwords;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Secrets;

namespace SooperSeller.Core.Staff;

/// <summary>The account made and the <c>otpauth://</c> URI to show once (it carries the TOTP secret).</summary>
public sealed record CreatedStaff(string StaffId, string OtpAuthUri);

/// <summary>
/// Creates a staff account (the DevHost's one-time <c>create-staff</c> command): a password of at least 15 characters,
/// hashed with Argon2id; a new TOTP secret kept in the secret store under <c>staff-totp-&lt;id&gt;</c>, never in the table.
/// </summary>
public sealed class CreateStaffHandler(IStaffAccounts accounts, IPasswordHasher hasher, ITotp totp, ISecretStore secrets)
{
    public async Task<CreatedStaff> HandleAsync(string? email, string? password, CancellationToken cancellationToken)
    {
        if (!EmailAddress.TryParse(email, out var address))
        {
            throw new ValidationFailedException(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["email"] = ["Give a valid email address."] });
        }

        var minimum = PasswordPolicy.MinimumLength(PasswordAudience.PlatformStaff);
        if (password is null || password.Length < minimum)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["password"] = [$"A staff password has at least {minimum} characters."] });
        }

        if (await accounts.FindAsync(address, cancellationToken) is not null)
        {
            throw new ConflictException("A staff account with this email address exists already.");
        }

        var staffId = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
        var secret = totp.NewSecret();
        await secrets.SetAsync(StaffAccount.TotpSecretName(staffId), secret, cancellationToken);
        if (!await accounts.AddAsync(new StaffAccount(staffId, address, hasher.Hash(password), LastTotpStep: 0), cancellationToken))
        {
            await secrets.DeleteAsync(StaffAccount.TotpSecretName(staffId), cancellationToken);
            throw new ConflictException("A staff account with this email address exists already.");
        }

        return new CreatedStaff(staffId, totp.UriFor(secret, address.Value));
    }
}
