using Microsoft.AspNetCore.Http;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.Functions.Http.Auth;

/// <summary>The signed-in user of a <c>Session</c> function: the only source of the merchant a request acts for.</summary>
public sealed record Caller(string UserId, MerchantId MerchantId, Role Role, string SessionId, string CsrfToken);

public static class CallerExtensions
{
    /// <summary>The caller <see cref="RequestAuthenticator"/> established; only <c>[Session]</c> functions have one.</summary>
    public static Caller GetCaller(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.Features.Get<Caller>()
            ?? throw new InvalidOperationException("This function has no session caller: declare [Session] to get one.");
    }
}
