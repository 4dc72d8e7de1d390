using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Functions.Http;
using SooperSeller.Functions.Http.Auth;

namespace SooperSeller.Functions.Accounts;

/// <summary><c>DELETE /api/me/sessions/{id}</c>: ends one of the caller's sessions (the current one too, which signs out).</summary>
public sealed class RevokeSession(MySessionsHandler handler)
{
    [Function(nameof(RevokeSession))]
    [Session]
    [Responds(StatusCodes.Status204NoContent, Description = "The session is revoked."), Responds(StatusCodes.Status404NotFound, Description = "The caller has no session with this id.")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "me/sessions/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();
        await handler.RevokeAsync(caller.UserId, id, cancellationToken);
        if (id == caller.SessionId)
        {
            SessionCookie.Clear(request.HttpContext.Response);
        }

        return TypedResults.NoContent();
    }
}
