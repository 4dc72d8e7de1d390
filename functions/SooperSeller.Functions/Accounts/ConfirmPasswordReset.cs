using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.Core.Accounts.PasswordReset;
using SooperSeller.Functions.Http;

namespace SooperSeller.Functions.Accounts;

/// <summary><c>POST /api/auth/password-reset/confirm</c>: sets the new password from a reset link and ends every session (204).</summary>
public sealed class ConfirmPasswordReset(ConfirmPasswordResetHandler handler)
{
    [Function(nameof(ConfirmPasswordReset))]
    [Anonymous]
    [RequestBody(typeof(ConfirmPasswordResetCommand)), Responds(StatusCodes.Status204NoContent, Description = "Password changed; every session of the user is revoked."), Responds(StatusCodes.Status400BadRequest, Description = "The link is invalid, used or expired (token), or the new password is refused (newPassword).")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/password-reset/confirm")] HttpRequest request, CancellationToken cancellationToken)
    {
        await handler.HandleAsync(await JsonBody.ReadAsync<ConfirmPasswordResetCommand>(request, cancellationToken), cancellationToken);
        return TypedResults.NoContent();
    }
}
