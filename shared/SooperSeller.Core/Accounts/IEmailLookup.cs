using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Accounts;

/// <summary>
/// The global lookup from a normalised email to the user who signs in with it (architecture section 4: one of the two
/// cross-merchant reads on the request path). Its row is the commit point of an account: a user exists once it does.
/// </summary>
public interface IEmailLookup
{
    Task<Credential?> FindAsync(EmailAddress email, CancellationToken cancellationToken);

    /// <summary>Adds the credential unless the email is taken; returns the credential that holds the email afterwards.</summary>
    Task<Credential> AddOrGetAsync(Credential credential, CancellationToken cancellationToken);

    /// <summary>Replaces the password hash (a rehash on sign-in, or a new password) unless the row changed since it was read.</summary>
    Task UpdatePasswordHashAsync(Credential credential, string passwordHash, CancellationToken cancellationToken);

    /// <summary>Turns two-step sign-in on or off, recording the TOTP step used to do it, unless the row changed since it was read (409).</summary>
    Task SetTotpAsync(Credential credential, bool enabled, long lastTotpStep, CancellationToken cancellationToken);

    /// <summary>
    /// Records a TOTP step as used at sign-in (and a rehashed password, if given) unless the row changed since it was
    /// read; false when it did (a racing sign-in with the same code), so a code is never accepted twice.
    /// </summary>
    Task<bool> TryUseTotpStepAsync(Credential credential, long timeStep, string? newPasswordHash, CancellationToken cancellationToken);
}

/// <summary>What sign-in needs: the user, their merchant, and the password hash (with its parameters).</summary>
public sealed record Credential(EmailAddress Email, string UserId, MerchantId MerchantId, string PasswordHash)
{
    /// <summary>The stored row's version, for optimistic concurrency; null before it is stored.</summary>
    public string? Version { get; init; }

    /// <summary>Whether sign-in asks for a TOTP code after the password (optional two-step sign-in).</summary>
    public bool TotpEnabled { get; init; }

    /// <summary>The last TOTP time step accepted: a code is never accepted twice.</summary>
    public long LastTotpStep { get; init; }
}
