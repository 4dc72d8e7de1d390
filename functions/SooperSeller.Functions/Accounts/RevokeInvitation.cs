using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.Core.Accounts.Team;
using SooperSeller.Core.Activity;
using SooperSeller.Functions.Activity;
using SooperSeller.Functions.Http;
using SooperSeller.Functions.Http.Auth;

namespace SooperSeller.Functions.Accounts;

/// <summary><c>DELETE /api/invitations/{id}</c>: revokes a pending invitation; its link stops working at once.</summary>
public sealed class RevokeInvitation(InvitationsHandler handler, AuditTrail audit)
{
    [Function(nameof(RevokeInvitation))]
    [Session(Permission.ManageUsers)]
    [Responds(StatusCodes.Status204NoContent, Description = "The invitation is revoked."), Responds(StatusCodes.Status404NotFound, Description = "The merchant has no pending invitation with this id.")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "invitations/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        await handler.RevokeAsync(request.GetCaller().MerchantId, id, cancellationToken);
        await audit.RecordAsync(request, AuditAction.InvitationRevoked, id, cancellationToken);
        return TypedResults.NoContent();
    }
}
