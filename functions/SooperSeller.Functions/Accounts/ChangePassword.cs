using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.Core.Accounts.Passwords;
using SooperSeller.Functions.Http;
using SooperSeller.Functions.Http.Auth;

namespace SooperSeller.Functions.Accounts;

/// <summary><c>POST /api/me/password</c>: changes the caller's password and ends their other sessions (204).</summary>
public sealed class ChangePassword(ChangePasswordHandler handler)
{
    [Function(nameof(ChangePassword))]
    [Session]
    [RequestBody(typeof(ChangePasswordCommand)), Responds(StatusCodes.Status204NoContent, Description = "Password changed; the caller's other sessions are revoked, this one stays."), Responds(StatusCodes.Status400BadRequest, Description = "The current password is wrong (currentPassword) or the new one is refused (newPassword)."), Responds(StatusCodes.Status429TooManyRequests, Description = "Too many wrong passwords for this account; Retry-After says when to try again.")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "me/password")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();
        await handler.HandleAsync(caller.MerchantId, caller.UserId, caller.SessionId, await JsonBody.ReadAsync<ChangePasswordCommand>(request, cancellationToken), cancellationToken);
        return TypedResults.NoContent();
    }
}
