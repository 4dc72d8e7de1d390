using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Functions.Http.Auth;
using SooperSeller.Functions.Http;

namespace SooperSeller.Functions.Accounts;

/// <summary><c>POST /api/auth/logout</c>: ends the session on every instance at once and clears the cookie (204).</summary>
public sealed class Logout(ISessionStore sessions)
{
    [Function(nameof(Logout))]
    [Session]
    [Responds(StatusCodes.Status204NoContent, Description = "Signed out: the session is revoked and its cookie cleared.")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/logout")] HttpRequest request, CancellationToken cancellationToken)
    {
        await sessions.RevokeAsync(SessionCookie.Read(request)!, cancellationToken);
        SessionCookie.Clear(request.HttpContext.Response);
        return TypedResults.NoContent();
    }
}
