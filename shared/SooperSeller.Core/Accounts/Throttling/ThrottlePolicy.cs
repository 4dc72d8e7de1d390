namespace SooperSeller.Core.Accounts.Throttling;

/// <summary>
/// The throttling policy, in one place (ASVS 5.0 6.1.1: documented limits, and how malicious lockout is prevented). Every
/// counter lives in Table storage, shared by all instances, over a fixed one-hour window from its first attempt.
/// <list type="bullet">
/// <item>Sign-in per account (the SHA-256 of the email as typed, normalised, whether or not an account has it): 5
/// failures free, then a wait after each failure of 1 s doubling up to 15 minutes (1, 2, 4 … 512 s, then 900 s), so
/// guessing as fast as allowed gets 17 tries in any hour, far under the ceiling of 100 (ASVS 4.0.3 2.2.1), and the
/// owner never waits more than 15 minutes. A successful sign-in, a completed password reset or a password change clears the counter.</item>
/// <item>Sign-in per client IP (IPv6 per /64): 300 failures an hour across accounts (attempts an account's wait refused
/// count too), no waits before that, so one address cannot stuff credentials fast; it never touches the accounts tried,
/// so their owners, elsewhere, are not held up by it.</item>
/// <item>Sign-up: 5 emails per address an hour (beyond that the answer stays 202 and nothing is sent, so the route
/// still reveals nothing about addresses) and 30 sign-ups per client IP an hour (beyond that, 429).</item>
/// <item>Password reset: the same numbers as sign-up (past the per-address limit, the same 202 and no email).</item>
/// </list>
/// Malicious lockout: an account is slowed, never locked. Whoever guesses, the owner waits at most 15 minutes for the
/// next try, a right password then clears the counter, and an attacker must keep spending a try every 15 minutes per
/// account to keep it slowed, and a completed password reset clears it too. Nothing here says whether an
/// address has an account: unknown addresses are counted and answered exactly as known ones.
/// Attempts are counted before they run (and a sign-in that succeeds is taken back), so requests racing on several
/// instances cannot slip past a limit together.
/// </summary>
public static class ThrottlePolicy
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public static ThrottleRule SignInAccount { get; } = new(Window, MaxAttempts: 100, FreeAttempts: 5, FirstDelay: TimeSpan.FromSeconds(1), MaxDelay: TimeSpan.FromMinutes(15));

    public static ThrottleRule SignInIp { get; } = ThrottleRule.Ceiling(Window, 300);

    public static ThrottleRule RegisterEmail { get; } = ThrottleRule.Ceiling(Window, 5);

    public static ThrottleRule RegisterIp { get; } = ThrottleRule.Ceiling(Window, 30);

    public static ThrottleRule PasswordResetEmail { get; } = ThrottleRule.Ceiling(Window, 5);

    public static ThrottleRule PasswordResetIp { get; } = ThrottleRule.Ceiling(Window, 30);

    public static ThrottleRule InvitationMerchant { get; } = ThrottleRule.Ceiling(Window, 50);

    public static ThrottleRule InvitationEmail { get; } = ThrottleRule.Ceiling(Window, 5);

    public static ThrottleRule For(ThrottleKind kind) => kind switch
    {
        ThrottleKind.SignInAccount => SignInAccount,
        ThrottleKind.SignInIp => SignInIp,
        ThrottleKind.RegisterEmail => RegisterEmail,
        ThrottleKind.RegisterIp => RegisterIp,
        ThrottleKind.PasswordResetEmail => PasswordResetEmail,
        ThrottleKind.PasswordResetIp => PasswordResetIp,
        ThrottleKind.InvitationMerchant => InvitationMerchant,
        ThrottleKind.InvitationEmail => InvitationEmail,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No throttle rule for this kind."),
    };
}
