using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.Core.Activity;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Privacy;
using SooperSeller.Functions.Activity;
using SooperSeller.Functions.Http;
using SooperSeller.Functions.Http.Auth;

namespace SooperSeller.Functions.Privacy;

/// <summary>A compliance request as the owner sees it: no personal data, the topic, its dates and whether a package waits.</summary>
public sealed record ComplianceRequestView(string Id, string StoreId, string Topic, string Status, DateTimeOffset ReceivedAt, DateTimeOffset DueAt, DateTimeOffset? CompletedAt, int OrdersAffected, bool HasPackage)
{
    public static ComplianceRequestView Of(ComplianceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.RequestId, request.StoreId, request.Topic, request.Status, request.ReceivedAt, request.DueAt, request.CompletedAt, request.OrdersAffected, request.HasPackage);
    }
}

public sealed record ComplianceRequestList(IReadOnlyList<ComplianceRequestView> Items);

/// <summary><c>GET /api/privacy/requests</c>: the data-subject requests Shopify passed on, newest first (owner).</summary>
public sealed class ListComplianceRequests(IComplianceRequests requests)
{
    [Function(nameof(ListComplianceRequests))]
    [Session(Permission.OwnAccount)]
    [Responds(StatusCodes.Status200OK, typeof(ComplianceRequestList))]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "privacy/requests")] HttpRequest request, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ComplianceRequestList([.. (await requests.ListAsync(request.GetCaller().MerchantId, cancellationToken)).Select(ComplianceRequestView.Of)]));
}

/// <summary>
/// <c>GET /api/privacy/requests/{id}/package</c>: a customer's data-request package (JSON) for the owner to send on.
/// It holds personal data, so every read is in the access log (purpose <c>dataRequest</c>).
/// </summary>
public sealed class GetDataRequestPackage(IComplianceRequests requests, IDataRequestPackages packages, PersonalDataAccess access)
{
    [Function(nameof(GetDataRequestPackage))]
    [Session(Permission.OwnAccount)]
    [Responds(StatusCodes.Status200OK, Description = "The package: {storeId, generatedAt, orders: [{name, createdAt, shipping, …}]}."), Responds(StatusCodes.Status404NotFound, Description = "The merchant has no data request with this id, or it has no package.")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "privacy/requests/{id}/package")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var merchantId = request.GetCaller().MerchantId;
        var found = await requests.GetAsync(merchantId, id, cancellationToken);
        var package = found is { HasPackage: true } ? await packages.ReadAsync(merchantId, found.RequestId, cancellationToken) : null;
        if (package is null)
        {
            throw new NotFoundException("data request package", id);
        }

        await access.RecordAsync(request, AccessAction.Export, "dataRequestPackage", [found!.RequestId], AccessPurpose.DataRequest, cancellationToken);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Bytes(package, "application/json");
    }
}
