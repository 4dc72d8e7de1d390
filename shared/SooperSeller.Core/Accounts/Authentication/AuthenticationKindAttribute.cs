namespace SooperSeller.Core.Accounts.Authentication;

/// <summary>
/// How an HTTP function authenticates its caller (contract "Authentication kinds"). Every HTTP function declares
/// exactly one, on its method, where a reader sees it; the Functions app's RequestAuthenticator enforces it in both
/// hosts and refuses to run a function that declares none.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public abstract class AuthenticationKindAttribute : Attribute;

/// <summary>
/// No session. A state-changing request must still come from our front end: <c>Sec-Fetch-Site</c> same-origin,
/// same-site or none, or an <c>Origin</c> listed in <c>Frontend:Origins</c>; otherwise 403.
/// </summary>
public sealed class AnonymousAttribute : AuthenticationKindAttribute
{
    /// <summary>
    /// False for a function that changes nothing whatever its method (the catch-all that answers 404), so the
    /// cross-site rule does not turn its 404 into a 403.
    /// </summary>
    public bool ChangesState { get; init; } = true;
}

/// <summary>
/// A merchant user's session cookie (401 without one); state-changing methods also need <c>X-CSRF-Token</c> equal to
/// the session's (403). With a permission, the user's role must grant it (403).
/// </summary>
public sealed class SessionAttribute : AuthenticationKindAttribute
{
    public SessionAttribute()
    {
    }

    public SessionAttribute(Permission permission) => Permission = permission;

    public Permission? Permission { get; }
}

/// <summary>
/// A platform staff session (signed in with password and TOTP, under its own cookie; 401 without one), with the same
/// CSRF rule as <see cref="SessionAttribute"/> (403). A staff session carries no merchant: it reaches a merchant's data
/// only through an active access grant, which the function checks.
/// </summary>
public sealed class PlatformStaffAttribute : AuthenticationKindAttribute;

/// <summary>
/// A request Shopify signed: no cookies, no CSRF; only the <c>X-Shopify-Hmac-Sha256</c> header counts, the base64
/// HMAC-SHA256 of the raw body under the app secret or the previous one (401 when it fails). The verified bytes are
/// handed to the function, which must not read the body again.
/// </summary>
public sealed class ShopifyHmacAttribute : AuthenticationKindAttribute;
