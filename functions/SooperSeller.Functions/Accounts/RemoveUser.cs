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

/// <summary><c>DELETE /api/users/{id}</c>: removes a member (not the owner) and ends their sessions at once.</summary>
public sealed class RemoveUser(TeamHandler handler, AuditTrail audit)
{
    [Function(nameof(RemoveUser))]
    [Session(Permission.ManageUsers)]
    [Responds(StatusCodes.Status204NoContent, Description = "The member is removed and their sessions ended."), Responds(StatusCodes.Status404NotFound, Description = "The merchant has no member with this id."), Responds(StatusCodes.Status409Conflict, Description = "The member is the owner.")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "users/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        await handler.RemoveAsync(request.GetCaller().MerchantId, id, cancellationToken);
        await audit.RecordAsync(request, AuditAction.UserRemoved, id, cancellationToken);
        return TypedResults.NoContent();
    }
}
