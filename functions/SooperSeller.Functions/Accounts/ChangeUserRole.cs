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

/// <summary><c>PUT /api/users/{id}/role</c>: changes a member's role (not the owner's, not to owner); their sessions end.</summary>
public sealed class ChangeUserRole(TeamHandler handler, AuditTrail audit)
{
    [Function(nameof(ChangeUserRole))]
    [Session(Permission.ManageUsers)]
    [RequestBody(typeof(ChangeRoleCommand)), Responds(StatusCodes.Status204NoContent, Description = "The role is changed and the user's sessions ended (they sign in again with it)."), Responds(StatusCodes.Status400BadRequest, Description = "The role is invalid (owner moves only by transfer); errors names it."), Responds(StatusCodes.Status404NotFound, Description = "The merchant has no member with this id."), Responds(StatusCodes.Status409Conflict, Description = "The member is the owner.")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "users/{id}/role")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        await handler.ChangeRoleAsync(request.GetCaller().MerchantId, id, await JsonBody.ReadAsync<ChangeRoleCommand>(request, cancellationToken), cancellationToken);
        await audit.RecordAsync(request, AuditAction.RoleChanged, id, cancellationToken);
        return TypedResults.NoContent();
    }
}
