using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.Core.Accounts.TwoStep;
using SooperSeller.Functions.Http;
using SooperSeller.Functions.Http.Auth;

namespace SooperSeller.Functions.Accounts;

/// <summary><c>POST /api/me/totp</c>: starts setting up two-step sign-in; the secret and <c>otpauth://</c> URI are shown once (201).</summary>
public sealed class StartTwoStep(TwoStepHandler handler)
{
    [Function(nameof(StartTwoStep))]
    [Session]
    [Responds(StatusCodes.Status201Created, typeof(TwoStepEnrolment), Description = "A new secret, pending until a code from it is confirmed."), Responds(StatusCodes.Status409Conflict, Description = "Two-step sign-in is on already.")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "me/totp")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();
        var enrolment = await handler.StartAsync(caller.MerchantId, caller.UserId, cancellationToken);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(enrolment, statusCode: StatusCodes.Status201Created);
    }
}

/// <summary><c>POST /api/me/totp/confirm</c>: a code from the new secret turns two-step sign-in on; other sessions end (204).</summary>
public sealed class ConfirmTwoStep(TwoStepHandler handler)
{
    [Function(nameof(ConfirmTwoStep))]
    [Session]
    [RequestBody(typeof(ConfirmTwoStepCommand)), Responds(StatusCodes.Status204NoContent, Description = "Two-step sign-in is on; the caller's other sessions are revoked."), Responds(StatusCodes.Status400BadRequest, Description = "The code is wrong or too old (code)."), Responds(StatusCodes.Status409Conflict, Description = "No set-up was started, or two-step sign-in is on already.")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "me/totp/confirm")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();
        await handler.ConfirmAsync(caller.MerchantId, caller.UserId, caller.SessionId, await JsonBody.ReadAsync<ConfirmTwoStepCommand>(request, cancellationToken), cancellationToken);
        return TypedResults.NoContent();
    }
}

/// <summary><c>POST /api/me/totp/disable</c>: turns two-step sign-in off, given the password and a current code (204).</summary>
public sealed class DisableTwoStep(TwoStepHandler handler)
{
    [Function(nameof(DisableTwoStep))]
    [Session]
    [RequestBody(typeof(DisableTwoStepCommand)), Responds(StatusCodes.Status204NoContent, Description = "Two-step sign-in is off."), Responds(StatusCodes.Status400BadRequest, Description = "The password (password) or the code (code) is wrong."), Responds(StatusCodes.Status409Conflict, Description = "Two-step sign-in is off already.")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "me/totp/disable")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();
        await handler.DisableAsync(caller.MerchantId, caller.UserId, await JsonBody.ReadAsync<DisableTwoStepCommand>(request, cancellationToken), cancellationToken);
        return TypedResults.NoContent();
    }
}
