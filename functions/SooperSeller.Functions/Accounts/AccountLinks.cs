using Microsoft.Extensions.Options;
using SooperSeller.Core.Accounts;
using SooperSeller.Functions.Http;

namespace SooperSeller.Functions.Accounts;

/// <summary>
/// Links in account emails open the front end: its first origin in <c>Frontend:Origins</c>, at <c>/verify</c>,
/// <c>/sign-in</c> and <c>/reset-password</c> (the front end's routes; documented in the README).
/// </summary>
public sealed class AccountLinks(IOptions<FrontendOptions> frontend) : IAccountLinks
{
    private Uri Base => frontend.Value.LinkBase;

    public Uri Verification(string token) => new(Base, "verify?token=" + Uri.EscapeDataString(token));

    public Uri SignIn() => new(Base, "sign-in");

    public Uri PasswordReset() => new(Base, "reset-password");

    public Uri PasswordReset(string token) => new(Base, "reset-password?token=" + Uri.EscapeDataString(token));

    public Uri Invitation(string token) => new(Base, "accept-invitation?token=" + Uri.EscapeDataString(token));
}
