using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.Core.Staff;
using SooperSeller.Functions.Accounts;
using SooperSeller.Functions.Http;
using SooperSeller.Functions.Http.Auth;

namespace SooperSeller.Functions.Staff;

/// <summary><c>POST /api/staff/login</c>: a platform staff session (email, password and TOTP code); every failure is the same 401.</summary>
public sealed class StaffLogin(StaffLoginHandler handler)
{
    [Function(nameof(StaffLogin))]
    [Anonymous]
    [RequestBody(typeof(StaffLoginCommand)), Responds(StatusCodes.Status200OK, typeof(CsrfTokenResponse), Description = "Signed in as staff: the staff session cookie is set."), Responds(StatusCodes.Status401Unauthorized, Description = "The email, password or TOTP code is missing or wrong, or the code was used already (the same answer for all)."), Responds(StatusCodes.Status429TooManyRequests, Description = "Too many attempts from this address or for this account; Retry-After says when to try again.")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "staff/login")] HttpRequest request, CancellationToken cancellationToken)
    {
        var session = await handler.HandleAsync(await JsonBody.ReadAsync<StaffLoginCommand>(request, cancellationToken), request.HttpContext.Connection.RemoteIpAddress, cancellationToken);
        StaffSessionCookie.Write(request.HttpContext.Response, session.Token);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(new CsrfTokenResponse(session.CsrfToken), statusCode: StatusCodes.Status200OK);
    }
}

/// <summary><c>POST /api/staff/logout</c>: ends the staff session and clears its cookie (204).</summary>
public sealed class StaffLogout(IStaffSessionStore sessions)
{
    [Function(nameof(StaffLogout))]
    [PlatformStaff]
    [Responds(StatusCodes.Status204NoContent, Description = "Signed out: the staff session is revoked and its cookie cleared.")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "staff/logout")] HttpRequest request, CancellationToken cancellationToken)
    {
        await sessions.RevokeAsync(StaffSessionCookie.Read(request)!, cancellationToken);
        StaffSessionCookie.Clear(request.HttpContext.Response);
        return TypedResults.NoContent();
    }
}
