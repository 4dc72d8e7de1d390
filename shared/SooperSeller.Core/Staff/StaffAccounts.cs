using SooperSeller.Core.Accounts;
using SooperSeller.Core.Secrets;

namespace SooperSeller.Core.Staff;

/// <summary>A platform staff account (SooperSeller support): no merchant, so no standing access to any merchant's data.</summary>
/// <param name="LastTotpStep">The last TOTP time step accepted at sign-in: a code is never accepted twice.</param>
public sealed record StaffAccount(string StaffId, EmailAddress Email, string PasswordHash, long LastTotpStep)
{
    /// <summary>The stored row's version (ETag), guarding the TOTP step update.</summary>
    public string? Version { get; init; }

    /// <summary>The secret-store name of the account's TOTP secret (never kept in the table).</summary>
    public static SecretName TotpSecretName(string staffId) => new($"staff-totp-{staffId}");
}

/// <summary>Staff accounts, keyed by a hash of the email address.</summary>
public interface IStaffAccounts
{
    Task<StaffAccount?> FindAsync(EmailAddress email, CancellationToken cancellationToken);

    /// <summary>Creates the account; false when the address already has one.</summary>
    Task<bool> AddAsync(StaffAccount account, CancellationToken cancellationToken);

    /// <summary>
    /// Records a TOTP step as used (and a rehashed password, if given: hashes made with weaker parameters are upgraded at
    /// sign-in), if the account is unchanged since it was read; false when it changed (a racing sign-in).
    /// </summary>
    Task<bool> TryUseTotpStepAsync(StaffAccount account, long timeStep, string? newPasswordHash, CancellationToken cancellationToken);
}

/// <summary>Time-based one-time passwords (RFC 6238): 30-second steps, 6 digits, SHA-1 (what authenticator apps expect).</summary>
public interface ITotp
{
    /// <summary>A new random secret, Base32.</summary>
    string NewSecret();

    /// <summary>The <c>otpauth://</c> URI an authenticator app reads.</summary>
    string UriFor(string secret, string accountName);

    /// <summary>The time step the code matches within ±1 step of now, or null; a step at or before <paramref name="lastUsedStep"/> does not count.</summary>
    long? Verify(string secret, string? code, DateTimeOffset now, long lastUsedStep);
}

/// <summary>Staff sessions: a store of their own, under their own cookie, carrying no merchant.</summary>
public interface IStaffSessionStore
{
    Task<Accounts.Sessions.NewSession> CreateAsync(string staffId, CancellationToken cancellationToken);

    Task<ActiveStaffSession?> ValidateAsync(string token, CancellationToken cancellationToken);

    Task RevokeAsync(string token, CancellationToken cancellationToken);
}

public sealed record ActiveStaffSession(string SessionId, string StaffId, string CsrfToken, DateTimeOffset AbsoluteExpiry);
