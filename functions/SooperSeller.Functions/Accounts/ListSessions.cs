using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Core.Common;
using SooperSeller.Functions.Http;
using SooperSeller.Functions.Http.Auth;

namespace SooperSeller.Functions.Accounts;

/// <summary><c>GET /api/me/sessions</c>: the caller's live sessions, the current one marked.</summary>
public sealed class ListSessions(MySessionsHandler handler)
{
    [Function(nameof(ListSessions))]
    [Session]
    [Responds(StatusCodes.Status200OK, typeof(Page<SessionView>), Description = "Every live session of the caller in one page (nextCursor is null).")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me/sessions")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();
        return TypedResults.Ok(await handler.ListAsync(caller.UserId, caller.SessionId, cancellationToken));
    }
}
