using Microsoft.AspNetCore.Http;
using SooperSeller.Core.Activity;
using SooperSeller.Functions.Http;
using SooperSeller.Functions.Http.Auth;

namespace SooperSeller.Functions.Activity;

/// <summary>
/// The one line an HTTP function calls after an administrative action succeeds (role change, invitation, ownership
/// transfer, store connect or disconnect, staff grant, closure): records who, which merchant, what, on which target
/// (an id, never a name or address), when and from where in the audit log.
/// </summary>
public sealed class AuditTrail(IAuditLog auditLog, TimeProvider time)
{
    public Task RecordAsync(HttpRequest request, AuditAction action, string? targetId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = request.GetCaller();
        return RecordAsync(request, caller.MerchantId, ActivityActor.User(caller.UserId), action, targetId, cancellationToken);
    }

    /// <summary>For functions without a session caller (the Shopify callback acts for the user who started it).</summary>
    public Task RecordAsync(HttpRequest request, Core.Tenancy.MerchantId merchantId, ActivityActor actor, AuditAction action, string? targetId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var entry = new AuditEntry(
            merchantId,
            actor,
            action,
            targetId,
            time.GetUtcNow(),
            ClientAddress.Of(request.HttpContext),
            System.Diagnostics.Activity.Current?.Id ?? request.HttpContext.TraceIdentifier);
        return auditLog.RecordAsync(entry, cancellationToken);
    }
}
