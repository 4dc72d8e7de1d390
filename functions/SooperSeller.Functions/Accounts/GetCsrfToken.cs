using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.Functions.Http.Auth;
using SooperSeller.Functions.Http;

namespace SooperSeller.Functions.Accounts;

/// <summary><c>GET /api/auth/csrf</c>: the session's CSRF token again (after a page reload, say).</summary>
public static class GetCsrfToken
{
    [Function(nameof(GetCsrfToken))]
    [Session]
    [Responds(StatusCodes.Status200OK, typeof(CsrfTokenResponse))]
    public static IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "auth/csrf")] HttpRequest request)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new CsrfTokenResponse(request.GetCaller().CsrfToken));
    }
}
