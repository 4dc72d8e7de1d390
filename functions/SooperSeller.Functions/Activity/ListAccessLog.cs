using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.Core.Activity;
using SooperSeller.Core.Common;
using SooperSeller.Functions.Http;
using SooperSeller.Functions.Http.Auth;

namespace SooperSeller.Functions.Activity;

/// <summary>
/// <c>GET /api/access-log?from&amp;to&amp;actor&amp;resourceType&amp;action&amp;limit&amp;cursor</c>: the merchant's
/// personal-data reads, newest first.
/// </summary>
public sealed class ListAccessLog(IAccessLog accessLog)
{
    [Function(nameof(ListAccessLog))]
    [Session(Permission.ViewLogs)]
    [Responds(StatusCodes.Status200OK, typeof(Page<AccessLogView>))]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "access-log")] HttpRequest request, CancellationToken cancellationToken)
    {
        var list = LogQueryParameters.ForAccessLog(request.Query);
        return TypedResults.Ok(await accessLog.ListAsync(request.GetCaller().MerchantId, list.Filter, list.Limit, list.Cursor, cancellationToken));
    }
}
