using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.Core.Activity;
using SooperSeller.Functions.Activity;
using SooperSeller.Functions.Http.Auth;
using SooperSeller.Functions.Http;

namespace SooperSeller.Functions.Accounts;

/// <summary><c>GET /api/me</c>: the signed-in user, their merchant, role and permissions.</summary>
public sealed class GetMe(GetMeHandler handler, PersonalDataAccess access)
{
    [Function(nameof(GetMe))]
    [Session]
    [Responds(StatusCodes.Status200OK, typeof(MeView)), Responds(StatusCodes.Status404NotFound, Description = "The user or merchant no longer exists.")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();
        var me = await handler.HandleAsync(caller.MerchantId, caller.UserId, cancellationToken);
        await access.RecordAsync(request, AccessAction.Read, "user", [caller.UserId], AccessPurpose.Account, cancellationToken);
        return TypedResults.Ok(me);
    }
}
