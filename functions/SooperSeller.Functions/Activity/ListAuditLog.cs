using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.Core.Activity;
using SooperSeller.Core.Common;
using SooperSeller.Functions.Http;
using SooperSeller.Functions.Http.Auth;

namespace SooperSeller.Functions.Activity;

/// <summary><c>GET /api/audit-log?from&amp;to&amp;actor&amp;action&amp;limit&amp;cursor</c>: the merchant's administrative actions, newest first.</summary>
public sealed class ListAuditLog(IAuditLog auditLog)
{
    [Function(nameof(ListAuditLog))]
    [Session(Permission.ViewLogs)]
    [Responds(StatusCodes.Status200OK, typeof(Page<AuditLogView>))]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "audit-log")] HttpRequest request, CancellationToken cancellationToken)
    {
        var list = LogQueryParameters.ForAuditLog(request.Query);
        return TypedResults.Ok(await auditLog.ListAsync(request.GetCaller().MerchantId, list.Filter, list.Limit, list.Cursor, cancellationToken));
    }
}
