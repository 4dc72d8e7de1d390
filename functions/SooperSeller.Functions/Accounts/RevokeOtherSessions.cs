using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Functions.Http;
using SooperSeller.Functions.Http.Auth;

namespace SooperSeller.Functions.Accounts;

/// <summary><c>DELETE /api/me/sessions</c>: ends every session of the caller but the current one (204).</summary>
public sealed class RevokeOtherSessions(MySessionsHandler handler)
{
    [Function(nameof(RevokeOtherSessions))]
    [Session]
    [Responds(StatusCodes.Status204NoContent, Description = "Every other session of the caller is revoked; this one stays.")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "me/sessions")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();
        await handler.RevokeOthersAsync(caller.UserId, caller.SessionId, cancellationToken);
        return TypedResults.NoContent();
    }
}
