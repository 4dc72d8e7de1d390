using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.Core.Accounts.SignUp;
using SooperSeller.Functions.Http;

namespace SooperSeller.Functions.Accounts;

/// <summary><c>POST /api/auth/register</c>: always 202 with the same body, whether or not the address has an account.</summary>
public sealed class Register(RegisterHandler handler)
{
    public static readonly object Accepted = new { status = "checkYourEmail" };

    [Function(nameof(Register))]
    [Anonymous]
    [RequestBody(typeof(RegisterCommand)), Responds(StatusCodes.Status202Accepted, BodyFrom = nameof(Accepted), Description = "Always the same, whether or not the email has an account."), Responds(StatusCodes.Status400BadRequest, Description = "A field is invalid (a weak or breached password, say); errors names each."), Responds(StatusCodes.Status429TooManyRequests, Description = "Too many sign-ups from this address; Retry-After says when to try again.")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/register")] HttpRequest request, CancellationToken cancellationToken)
    {
        // The client's address as in Login: the connection's, never an X-Forwarded-For entry a client could write.
        await handler.HandleAsync(await JsonBody.ReadAsync<RegisterCommand>(request, cancellationToken), request.HttpContext.Connection.RemoteIpAddress, cancellationToken);
        return TypedResults.Json(Accepted, statusCode: StatusCodes.Status202Accepted);
    }
}
