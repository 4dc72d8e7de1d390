using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.Core.Activity;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Staff;
using SooperSeller.Core.Tenancy;
using SooperSeller.Functions.Activity;
using SooperSeller.Functions.Http;
using SooperSeller.Functions.Http.Auth;

namespace SooperSeller.Functions.Staff;

public sealed record RequestAccessGrantCommand(string? MerchantId, string? Reason, int Hours);

/// <summary>A grant as its requester and the merchant's owner see it; <c>state</c> is requested, active, expired or denied.</summary>
public sealed record AccessGrantView(string Id, string MerchantId, string RequestedBy, string Reason, int Hours, DateTimeOffset RequestedAt, string State, ActivityActor? DecidedBy, DateTimeOffset? DecidedAt, DateTimeOffset? ExpiresAt)
{
    public static AccessGrantView Of(AccessGrant grant, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return new(grant.GrantId, grant.MerchantId.Value, grant.RequestedBy, grant.Reason, grant.Hours, grant.RequestedAt, grant.StateAt(now), grant.DecidedBy, grant.DecidedAt, grant.ExpiresAt);
    }
}

public sealed record AccessGrantList(IReadOnlyList<AccessGrantView> Items);

/// <summary>What a staff member did, in the merchant's audit or access log, with the staff actor.</summary>
public sealed class StaffActivity(IAuditLog auditLog, IAccessLog accessLog, TimeProvider time)
{
    public Task AuditAsync(HttpRequest request, MerchantId merchantId, AuditAction action, string targetId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return auditLog.RecordAsync(new AuditEntry(merchantId, ActivityActor.Staff(request.GetStaffCaller().StaffId), action, targetId, time.GetUtcNow(), ClientAddress.Of(request.HttpContext), RequestId(request)), cancellationToken);
    }

    public Task ReadAsync(HttpRequest request, MerchantId merchantId, string resourceType, IReadOnlyCollection<string> recordIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return accessLog.RecordAsync(new AccessLogEntry(merchantId, ActivityActor.Staff(request.GetStaffCaller().StaffId), AccessAction.Read, resourceType, recordIds, AccessPurpose.StaffSupport, time.GetUtcNow(), ClientAddress.Of(request.HttpContext), RequestId(request)), cancellationToken);
    }

    private static string RequestId(HttpRequest request) => System.Diagnostics.Activity.Current?.Id ?? request.HttpContext.TraceIdentifier;
}

/// <summary><c>POST /api/staff/grants</c>: a staff member asks one merchant for time-boxed access (201, requested).</summary>
public sealed class RequestAccessGrant(IAccessGrants grants, IMerchantDirectory merchants, StaffActivity activity, TimeProvider time)
{
    [Function(nameof(RequestAccessGrant))]
    [PlatformStaff]
    [RequestBody(typeof(RequestAccessGrantCommand)), Responds(StatusCodes.Status201Created, typeof(AccessGrantView), Description = "Requested: the merchant's owner (or another staff member) decides."), Responds(StatusCodes.Status404NotFound, Description = "No merchant has this id.")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "staff/grants")] HttpRequest request, CancellationToken cancellationToken)
    {
        var command = await JsonBody.ReadAsync<RequestAccessGrantCommand>(request, cancellationToken);
        if (!MerchantId.TryParse(command.MerchantId, out var merchantId) || await merchants.GetMerchantAsync(merchantId, cancellationToken) is null)
        {
            throw new NotFoundException("merchant", command.MerchantId ?? string.Empty);
        }

        var now = time.GetUtcNow();
        var grant = AccessGrant.Request(request.GetStaffCaller().StaffId, merchantId, command.Reason, command.Hours, now);
        await grants.AddAsync(grant, cancellationToken);
        await activity.AuditAsync(request, merchantId, AuditAction.StaffAccessRequested, grant.GrantId, cancellationToken);
        return TypedResults.Json(AccessGrantView.Of(grant, now), statusCode: StatusCodes.Status201Created);
    }
}

/// <summary><c>POST /api/staff/grants/{id}/approve</c>: a second staff member approves in an emergency; never the requester (403).</summary>
public sealed class StaffApproveAccessGrant(IAccessGrants grants, StaffActivity activity, TimeProvider time)
{
    [Function(nameof(StaffApproveAccessGrant))]
    [PlatformStaff]
    [Responds(StatusCodes.Status200OK, typeof(AccessGrantView), Description = "Approved: active from now for its hours."), Responds(StatusCodes.Status404NotFound, Description = "No grant has this id."), Responds(StatusCodes.Status409Conflict, Description = "The request has been decided already.")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "staff/grants/{id}/approve")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var grant = await grants.FindAsync(id, cancellationToken) ?? throw new NotFoundException("access grant", id);
        var now = time.GetUtcNow();
        var approved = grant.Approve(ActivityActor.Staff(request.GetStaffCaller().StaffId), now);
        await grants.UpdateAsync(approved, cancellationToken);
        await activity.AuditAsync(request, grant.MerchantId, AuditAction.StaffAccessGranted, grant.GrantId, cancellationToken);
        return TypedResults.Ok(AccessGrantView.Of(approved, now));
    }
}

/// <summary><c>GET /api/staff/merchants/{merchantId}/profile</c>: the merchant's profile, under an active grant only; every read is in the merchant's access log.</summary>
public sealed class StaffGetMerchantProfile(IAccessGrants grants, IMerchantDirectory merchants, StaffActivity activity, TimeProvider time)
{
    [Function(nameof(StaffGetMerchantProfile))]
    [PlatformStaff]
    [Responds(StatusCodes.Status200OK, typeof(StaffMerchantProfile)), Responds(StatusCodes.Status403Forbidden, Description = "The caller has no active grant for this merchant.")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/merchants/{merchantId}/profile")] HttpRequest request, string merchantId, CancellationToken cancellationToken)
    {
        var staffId = request.GetStaffCaller().StaffId;
        var now = time.GetUtcNow();
        if (!MerchantId.TryParse(merchantId, out var id) || !(await grants.ListAsync(id, cancellationToken)).Any(g => g.IsActiveFor(staffId, now)))
        {
            throw new ForbiddenException("No active access grant for this merchant.");
        }

        var profile = await merchants.GetMerchantAsync(id, cancellationToken) ?? throw new ForbiddenException("No active access grant for this merchant.");
        await activity.ReadAsync(request, id, "merchant", [id.Value], cancellationToken);
        return TypedResults.Ok(new StaffMerchantProfile(profile.Id.Value, profile.BusinessName, profile.CreatedAt, profile.ClosureRequestedAt));
    }
}

public sealed record StaffMerchantProfile(string Id, string BusinessName, DateTimeOffset CreatedAt, DateTimeOffset? ClosureRequestedAt);

/// <summary><c>GET /api/access-grants</c>: the merchant's staff access requests and grants, newest first (owner only).</summary>
public sealed class ListAccessGrants(IAccessGrants grants, TimeProvider time)
{
    [Function(nameof(ListAccessGrants))]
    [Session(Permission.OwnAccount)]
    [Responds(StatusCodes.Status200OK, typeof(AccessGrantList))]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "access-grants")] HttpRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return TypedResults.Ok(new AccessGrantList([.. (await grants.ListAsync(request.GetCaller().MerchantId, cancellationToken)).Select(g => AccessGrantView.Of(g, now))]));
    }
}

/// <summary><c>POST /api/access-grants/{id}/approve</c>: the owner approves a staff request; active from now for its hours.</summary>
public sealed class ApproveAccessGrant(IAccessGrants grants, AuditTrail audit, TimeProvider time)
{
    [Function(nameof(ApproveAccessGrant))]
    [Session(Permission.OwnAccount)]
    [Responds(StatusCodes.Status200OK, typeof(AccessGrantView), Description = "Approved."), Responds(StatusCodes.Status404NotFound, Description = "The merchant has no grant with this id."), Responds(StatusCodes.Status409Conflict, Description = "The request has been decided already.")]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "access-grants/{id}/approve")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        OwnerDecision.DecideAsync(grants, audit, time, request, id, approve: true, cancellationToken);
}

/// <summary><c>POST /api/access-grants/{id}/deny</c>: the owner refuses a staff request.</summary>
public sealed class DenyAccessGrant(IAccessGrants grants, AuditTrail audit, TimeProvider time)
{
    [Function(nameof(DenyAccessGrant))]
    [Session(Permission.OwnAccount)]
    [Responds(StatusCodes.Status200OK, typeof(AccessGrantView), Description = "Denied."), Responds(StatusCodes.Status404NotFound, Description = "The merchant has no grant with this id."), Responds(StatusCodes.Status409Conflict, Description = "The request has been decided already.")]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "access-grants/{id}/deny")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        OwnerDecision.DecideAsync(grants, audit, time, request, id, approve: false, cancellationToken);
}

/// <summary><c>POST /api/access-grants/{id}/revoke</c>: the owner ends an active grant at once; the staff member's next read is refused.</summary>
public sealed class RevokeAccessGrant(IAccessGrants grants, AuditTrail audit, TimeProvider time)
{
    [Function(nameof(RevokeAccessGrant))]
    [Session(Permission.OwnAccount)]
    [Responds(StatusCodes.Status200OK, typeof(AccessGrantView), Description = "Revoked."), Responds(StatusCodes.Status404NotFound, Description = "The merchant has no grant with this id."), Responds(StatusCodes.Status409Conflict, Description = "The grant is not active (requested, expired, denied or revoked already).")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "access-grants/{id}/revoke")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();
        var grant = await grants.GetAsync(caller.MerchantId, id, cancellationToken) ?? throw new NotFoundException("access grant", id);
        var now = time.GetUtcNow();
        var revoked = grant.Revoke(ActivityActor.User(caller.UserId), now);
        await grants.UpdateAsync(revoked, cancellationToken);
        await audit.RecordAsync(request, AuditAction.StaffAccessRevoked, grant.GrantId, cancellationToken);
        return TypedResults.Ok(AccessGrantView.Of(revoked, now));
    }
}

internal static class OwnerDecision
{
    public static async Task<IResult> DecideAsync(IAccessGrants grants, AuditTrail audit, TimeProvider time, HttpRequest request, string id, bool approve, CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();
        var grant = await grants.GetAsync(caller.MerchantId, id, cancellationToken) ?? throw new NotFoundException("access grant", id);
        var now = time.GetUtcNow();
        var decided = approve ? grant.Approve(ActivityActor.User(caller.UserId), now) : grant.Deny(ActivityActor.User(caller.UserId), now);
        await grants.UpdateAsync(decided, cancellationToken);
        await audit.RecordAsync(request, approve ? AuditAction.StaffAccessGranted : AuditAction.StaffAccessDenied, grant.GrantId, cancellationToken);
        return TypedResults.Ok(AccessGrantView.Of(decided, now));
    }
}
