namespace SooperSeller.Core.Errors;

/// <summary>No valid session (or signature) for a route that needs one: 401.</summary>
public sealed class UnauthenticatedException(string message) : SooperSellerException(message)
{
    /// <summary>Sign-in needs a TOTP code after the right password: the front end asks for one and tries again.</summary>
    public const string TotpRequired = "totp_required";

    /// <summary>A machine-readable reason for the caller, as the problem's <c>code</c> member; null for a plain 401.</summary>
    public string? Code { get; init; }
}
