using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.Core.Accounts.Team;
using SooperSeller.Core.Common;
using SooperSeller.Functions.Http;
using SooperSeller.Functions.Http.Auth;

namespace SooperSeller.Functions.Accounts;

/// <summary><c>GET /api/invitations</c>: the caller's merchant's pending invitations, newest first.</summary>
public sealed class ListInvitations(InvitationsHandler handler)
{
    [Function(nameof(ListInvitations))]
    [Session(Permission.ManageUsers)]
    [Responds(StatusCodes.Status200OK, typeof(Page<InvitationView>), Description = "Every pending invitation in one page (nextCursor is null).")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "invitations")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();
        return TypedResults.Ok(new Page<InvitationView>(await handler.ListAsync(caller.MerchantId, cancellationToken), null));
    }
}
