using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.Core.Accounts.Team;
using SooperSeller.Core.Activity;
using SooperSeller.Core.Common;
using SooperSeller.Functions.Activity;
using SooperSeller.Functions.Http;
using SooperSeller.Functions.Http.Auth;

namespace SooperSeller.Functions.Accounts;

/// <summary><c>GET /api/users</c>: the members of the caller's merchant (names and emails: recorded in the access log).</summary>
public sealed class ListUsers(TeamHandler handler, PersonalDataAccess access)
{
    [Function(nameof(ListUsers))]
    [Session(Permission.ManageUsers)]
    [Responds(StatusCodes.Status200OK, typeof(Page<UserView>), Description = "Every member in one page, earliest joined first (nextCursor is null).")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "users")] HttpRequest request, CancellationToken cancellationToken)
    {
        var users = await handler.ListAsync(request.GetCaller().MerchantId, cancellationToken);
        await access.RecordAsync(request, AccessAction.Read, "user", [.. users.Select(u => u.Id)], AccessPurpose.TeamManagement, cancellationToken);
        return TypedResults.Ok(new Page<UserView>(users, null));
    }
}
