using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.Core.Accounts.PasswordReset;
using SooperSeller.Functions.Http;

namespace SooperSeller.Functions.Accounts;

/// <summary><c>POST /api/auth/password-reset</c>: always 202 with the same body, whether or not the address has an account.</summary>
public sealed class RequestPasswordReset(RequestPasswordResetHandler handler)
{
    public static readonly object Accepted = new { status = "checkYourEmail" };

    [Function(nameof(RequestPasswordReset))]
    [Anonymous]
    [RequestBody(typeof(RequestPasswordResetCommand)), Responds(StatusCodes.Status202Accepted, BodyFrom = nameof(Accepted), Description = "Always the same, whether or not the email has an account."), Responds(StatusCodes.Status400BadRequest, Description = "The email is not a valid address."), Responds(StatusCodes.Status429TooManyRequests, Description = "Too many reset requests from this address; Retry-After says when to try again.")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/password-reset")] HttpRequest request, CancellationToken cancellationToken)
    {
        // The client's address as in Login: the connection's, never an X-Forwarded-For entry a client could write.
        await handler.HandleAsync(await JsonBody.ReadAsync<RequestPasswordResetCommand>(request, cancellationToken), request.HttpContext.Connection.RemoteIpAddress, cancellationToken);
        return TypedResults.Json(Accepted, statusCode: StatusCodes.Status202Accepted);
    }
}
