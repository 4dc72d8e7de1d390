using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.Core.Accounts.Closure;
using SooperSeller.Core.Activity;
using SooperSeller.Functions.Activity;
using SooperSeller.Functions.Http;
using SooperSeller.Functions.Http.Auth;

namespace SooperSeller.Functions.Accounts;

/// <summary>
/// <c>POST /api/account/close</c> (owner): closes the merchant's account, ends every session of every member at once and
/// answers 202 with when closure was requested and from when the data may be deleted. A repeat keeps the first dates
/// (it cannot normally happen: the first one ended the caller's session).
/// </summary>
public sealed class CloseAccount(CloseAccountHandler handler, AuditTrail audit)
{
    [Function(nameof(CloseAccount))]
    [Session(Permission.OwnAccount)]
    [Responds(StatusCodes.Status202Accepted, typeof(ClosureView), Description = "Closure recorded; every session of the merchant's users has ended; the data is deleted from deleteAfter.")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "account/close")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();
        var closure = await handler.HandleAsync(caller.MerchantId, cancellationToken);
        await audit.RecordAsync(request, AuditAction.AccountClosureRequested, caller.MerchantId.Value, cancellationToken);
        return TypedResults.Json(closure, statusCode: StatusCodes.Status202Accepted);
    }
}
