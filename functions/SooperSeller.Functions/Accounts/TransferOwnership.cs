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

/// <summary>
/// <c>POST /api/account/transfer-ownership</c>: the owner makes another member the owner and becomes a manager. Both
/// users' sessions end (the caller's too, whose cookie is cleared), so both sign in again with their new roles.
/// </summary>
public sealed class TransferOwnership(TeamHandler handler, AuditTrail audit)
{
    [Function(nameof(TransferOwnership))]
    [Session(Permission.OwnAccount)]
    [RequestBody(typeof(TransferOwnershipCommand)), Responds(StatusCodes.Status204NoContent, Description = "Ownership moved; both users' sessions ended."), Responds(StatusCodes.Status400BadRequest, Description = "userId is missing or the caller's own."), Responds(StatusCodes.Status404NotFound, Description = "The merchant has no member with this id.")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "account/transfer-ownership")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();
        var target = await handler.TransferOwnershipAsync(caller.MerchantId, caller.UserId, await JsonBody.ReadAsync<TransferOwnershipCommand>(request, cancellationToken), cancellationToken);
        await audit.RecordAsync(request, AuditAction.OwnershipTransferred, target, cancellationToken);
        SessionCookie.Clear(request.HttpContext.Response);
        return TypedResults.NoContent();
    }
}
