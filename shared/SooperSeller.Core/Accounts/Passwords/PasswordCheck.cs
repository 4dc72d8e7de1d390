using System.Diagnostics.CodeAnalysis;

namespace SooperSeller.Core.Accounts.Passwords;

/// <summary>The outcome of <see cref="PasswordPolicy.Check"/>: acceptable, or refused with a short message for the user.</summary>
public readonly record struct PasswordCheck
{
    private PasswordCheck(string reason) => Reason = reason;

    public static PasswordCheck Acceptable => default;

    /// <summary>Why the password is refused (one of <see cref="PasswordReasons"/>), or null when it is acceptable.</summary>
    public string? Reason { get; }

    [MemberNotNullWhen(false, nameof(Reason))]
    public bool IsAcceptable => Reason is null;

    public static PasswordCheck Refused(string reason) => new(reason);
}
