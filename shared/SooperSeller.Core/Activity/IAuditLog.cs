using SooperSeller.Core.Common;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Activity;

/// <summary>The audit log of administrative actions (roles, invitations, ownership, stores, staff grants, closure).</summary>
public interface IAuditLog
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>The merchant's entries, newest first.</summary>
    Task<Page<AuditLogView>> ListAsync(MerchantId merchantId, AuditLogFilter filter, int limit, string? cursor, CancellationToken cancellationToken);
}
