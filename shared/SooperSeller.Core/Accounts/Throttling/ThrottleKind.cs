namespace SooperSeller.Core.Accounts.Throttling;

/// <summary>What a throttle counter counts, and per what; each kind has its own counters and its rule in <see cref="ThrottlePolicy"/>.</summary>
public enum ThrottleKind
{
    /// <summary>Failed sign-ins for one email address, whether or not an account has it.</summary>
    SignInAccount,

    /// <summary>Failed sign-ins from one client address, across accounts.</summary>
    SignInIp,

    /// <summary>Sign-up emails (verification links or notices) to one address.</summary>
    RegisterEmail,

    /// <summary>Sign-ups from one client address.</summary>
    RegisterIp,

    /// <summary>Password-reset emails (links or notices) to one address.</summary>
    PasswordResetEmail,

    /// <summary>Password-reset requests from one client address.</summary>
    PasswordResetIp,

    /// <summary>Invitation emails sent by one merchant.</summary>
    InvitationMerchant,

    /// <summary>Invitation emails to one address, across merchants.</summary>
    InvitationEmail,
}
