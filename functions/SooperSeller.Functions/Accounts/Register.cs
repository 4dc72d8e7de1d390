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
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/register")] HttpRequest request, CancellationToken cancellationToken)
    {
        await handler.HandleAsync(await JsonBody.ReadAsync<RegisterCommand>(request, cancellationToken), cancellationToken);
        return TypedResults.Json(Accepted, statusCode: StatusCodes.Status202Accepted);
    }
}
