using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.Core.Accounts.SignUp;
using SooperSeller.Functions.Http;

namespace SooperSeller.Functions.Accounts;

/// <summary><c>POST /api/auth/verify</c>: creates the merchant and its owner and signs them in (201, cookie, CSRF token).</summary>
public sealed class Verify(VerifyHandler handler)
{
    [Function(nameof(Verify))]
    [Anonymous]
    [RequestBody(typeof(VerifyCommand)), Responds(StatusCodes.Status201Created, typeof(CsrfTokenResponse), Description = "Merchant and owner created and signed in: the session cookie is set."), Responds(StatusCodes.Status400BadRequest, Description = "The link is invalid or has expired."), Responds(StatusCodes.Status409Conflict, Description = "The email got an account meanwhile.")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/verify")] HttpRequest request, CancellationToken cancellationToken)
    {
        var session = await handler.HandleAsync(await JsonBody.ReadAsync<VerifyCommand>(request, cancellationToken), cancellationToken);
        return SessionResponses.SignedIn(request, session, StatusCodes.Status201Created);
    }
}
