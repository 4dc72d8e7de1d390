using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.Core.Accounts.Preferences;
using SooperSeller.Functions.Http;
using SooperSeller.Functions.Http.Auth;

namespace SooperSeller.Functions.Accounts;

/// <summary><c>GET /api/me/preferences</c>: the caller's preferences for the merchant they act for (defaults when none saved).</summary>
public sealed class GetPreferences(PreferencesHandler handler)
{
    [Function(nameof(GetPreferences))]
    [Session]
    [Responds(StatusCodes.Status200OK, typeof(PreferencesView))]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me/preferences")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();
        return TypedResults.Ok(await handler.GetAsync(caller.MerchantId, caller.UserId, cancellationToken));
    }
}

/// <summary><c>PUT /api/me/preferences</c>: replaces the caller's preferences (every field given) and answers them.</summary>
public sealed class UpdatePreferences(PreferencesHandler handler)
{
    [Function(nameof(UpdatePreferences))]
    [Session]
    [RequestBody(typeof(UpdatePreferencesCommand)), Responds(StatusCodes.Status200OK, typeof(PreferencesView)), Responds(StatusCodes.Status400BadRequest, Description = "A field is missing or invalid (timeZone, language, notifications.email.*).")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "me/preferences")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();
        var command = await JsonBody.ReadAsync<UpdatePreferencesCommand>(request, cancellationToken);
        return TypedResults.Ok(await handler.UpdateAsync(caller.MerchantId, caller.UserId, command, cancellationToken));
    }
}
