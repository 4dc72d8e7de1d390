using Microsoft.AspNetCore.Http;
using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Functions.Http.Auth;

namespace SooperSeller.Functions.Accounts;

/// <summary>What a sign-in answers: the session cookie and, in the body, the session's CSRF token.</summary>
public static class SessionResponses
{
    public static IResult SignedIn(HttpRequest request, NewSession session, int status)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(session);
        SessionCookie.Write(request.HttpContext.Response, session.Token);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(new CsrfTokenResponse(session.CsrfToken), statusCode: status);
    }
}

public sealed record CsrfTokenResponse(string CsrfToken);
