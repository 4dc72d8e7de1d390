using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.Core.Accounts.SignIn;
using SooperSeller.Functions.Http;

namespace SooperSeller.Functions.Accounts;

/// <summary><c>POST /api/auth/login</c>: a new session (cookie, CSRF token); unknown email and wrong password: the same 401.</summary>
public sealed class Login(LoginHandler handler)
{
    [Function(nameof(Login))]
    [Anonymous]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/login")] HttpRequest request, CancellationToken cancellationToken)
    {
        var session = await handler.HandleAsync(await JsonBody.ReadAsync<LoginCommand>(request, cancellationToken), cancellationToken);
        return SessionResponses.SignedIn(request, session, StatusCodes.Status200OK);
    }
}
