using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.Core.Accounts.SignIn;
using SooperSeller.Functions.Http;
using SooperSeller.Functions.Http.Auth;

namespace SooperSeller.Functions.Accounts;

/// <summary><c>POST /api/me/merchant</c>: a new session for another merchant the caller belongs to (cookie, CSRF token); the old session ends.</summary>
public sealed class SwitchMerchant(SwitchMerchantHandler handler)
{
    [Function(nameof(SwitchMerchant))]
    [Session]
    [RequestBody(typeof(SwitchMerchantCommand)), Responds(StatusCodes.Status200OK, typeof(CsrfTokenResponse), Description = "Switched: a new session cookie for the merchant is set and the old session is revoked."), Responds(StatusCodes.Status400BadRequest, Description = "The merchant id is missing."), Responds(StatusCodes.Status404NotFound, Description = "The caller is not a member of that merchant (or it is closed or does not exist).")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "me/merchant")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();
        var command = await JsonBody.ReadAsync<SwitchMerchantCommand>(request, cancellationToken);
        var session = await handler.HandleAsync(caller.UserId, SessionCookie.Read(request)!, command, cancellationToken);
        return SessionResponses.SignedIn(request, session, StatusCodes.Status200OK);
    }
}
