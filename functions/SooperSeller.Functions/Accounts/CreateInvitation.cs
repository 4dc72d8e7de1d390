using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.Core.Accounts.Team;
using SooperSeller.Core.Activity;
using SooperSeller.Functions.Activity;
using SooperSeller.Functions.Http;
using SooperSeller.Functions.Http.Auth;

namespace SooperSeller.Functions.Accounts;

/// <summary><c>POST /api/invitations</c>: invites an email in a role (replacing a pending invitation for it: the resend).</summary>
public sealed class CreateInvitation(InvitationsHandler handler, AuditTrail audit)
{
    [Function(nameof(CreateInvitation))]
    [Session(Permission.ManageUsers)]
    [RequestBody(typeof(CreateInvitationCommand)), Responds(StatusCodes.Status201Created, typeof(InvitationView), Description = "The invitation is stored and its link emailed."), Responds(StatusCodes.Status400BadRequest, Description = "The email or role is invalid (owner is no role to invite to); errors names each."), Responds(StatusCodes.Status409Conflict, Description = "The person is already a member."), Responds(StatusCodes.Status429TooManyRequests, Description = "Too many invitations from this merchant or to this address; Retry-After says when to try again.")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "invitations")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();
        var invitation = await handler.CreateAsync(caller.MerchantId, caller.UserId, await JsonBody.ReadAsync<CreateInvitationCommand>(request, cancellationToken), cancellationToken);
        await audit.RecordAsync(request, AuditAction.InvitationSent, invitation.Id, cancellationToken);
        return TypedResults.Json(invitation, statusCode: StatusCodes.Status201Created);
    }
}
