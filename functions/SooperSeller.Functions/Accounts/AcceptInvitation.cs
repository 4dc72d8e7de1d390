using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.Core.Accounts.Team;
using SooperSeller.Core.Activity;
using SooperSeller.Functions.Http;

namespace SooperSeller.Functions.Accounts;

/// <summary>
/// <c>POST /api/invitations/accept</c>: a new person (name, new password) or a person with an account (their current
/// password) joins the inviting merchant and is signed in to it (201, cookie, CSRF token).
/// </summary>
public sealed class AcceptInvitation(AcceptInvitationHandler handler, IAuditLog auditLog, TimeProvider time)
{
    [Function(nameof(AcceptInvitation))]
    [Anonymous]
    [RequestBody(typeof(AcceptInvitationCommand)), Responds(StatusCodes.Status201Created, typeof(CsrfTokenResponse), Description = "The member is created and signed in: the session cookie is set."), Responds(StatusCodes.Status400BadRequest, Description = "The link is invalid, used, revoked or expired, or the name or password is invalid; errors names each."), Responds(StatusCodes.Status401Unauthorized, Description = "The email has an account and the password given is not its password."), Responds(StatusCodes.Status409Conflict, Description = "The email got an account while this new person was joining; open the link again with that account's password."), Responds(StatusCodes.Status429TooManyRequests, Description = "Too many password attempts (counted with sign-in); Retry-After says when to try again.")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "invitations/accept")] HttpRequest request, CancellationToken cancellationToken)
    {
        var accepted = await handler.HandleAsync(await JsonBody.ReadAsync<AcceptInvitationCommand>(request, cancellationToken), request.HttpContext.Connection.RemoteIpAddress, cancellationToken);
        // The new member is the actor (no session called this); AuditTrail reads the caller's session, so the entry is built here.
        await auditLog.RecordAsync(
            new AuditEntry(
                accepted.Invitation.MerchantId,
                ActivityActor.User(accepted.UserId),
                AuditAction.UserJoined,
                accepted.UserId,
                time.GetUtcNow(),
                ClientAddress.Of(request.HttpContext),
                System.Diagnostics.Activity.Current?.Id ?? request.HttpContext.TraceIdentifier),
            cancellationToken);
        return SessionResponses.SignedIn(request, accepted.Session, StatusCodes.Status201Created);
    }
}
