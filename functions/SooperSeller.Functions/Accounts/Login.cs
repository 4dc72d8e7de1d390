using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.Core.Accounts.SignIn;
using SooperSeller.Functions.Http;

namespace SooperSeller.Functions.Accounts;

/// <summary><c>POST /api/auth/login</c>: a new session (cookie, CSRF token); unknown email and wrong password: the same 401.</summary>
public sealed class Login(LoginHandler handler)
{
    [Function(nameof(Login))]
    [Anonymous]
    [RequestBody(typeof(LoginCommand)), Responds(StatusCodes.Status200OK, typeof(CsrfTokenResponse), Description = "Signed in: the session cookie is set."), Responds(StatusCodes.Status400BadRequest, Description = "The email or password is missing."), Responds(StatusCodes.Status401Unauthorized, Description = "The email or password is wrong (the same answer for both)."), Responds(StatusCodes.Status429TooManyRequests, Description = "Too many attempts from this address or for this account; Retry-After says when to try again.")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/login")] HttpRequest request, CancellationToken cancellationToken)
    {
        // The connection's address: in Azure the worker's ASP.NET Core integration has already set it from the entry the
        // platform front end appended to X-Forwarded-For (it trusts only the local Functions host); entries a client
        // wrote into that header itself are never read, so nobody can choose the address their attempts count under.
        var session = await handler.HandleAsync(await JsonBody.ReadAsync<LoginCommand>(request, cancellationToken), request.HttpContext.Connection.RemoteIpAddress, cancellationToken);
        return SessionResponses.SignedIn(request, session, StatusCodes.Status200OK);
    }
}
