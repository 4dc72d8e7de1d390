using SooperSeller.Core.Common;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Activity;

/// <summary>The personal-data access log: written on every read of personal data, read by owners and managers.</summary>
public interface IAccessLog
{
    Task RecordAsync(AccessLogEntry entry, CancellationToken cancellationToken);

    /// <summary>The merchant's entries, newest first.</summary>
    Task<Page<AccessLogView>> ListAsync(MerchantId merchantId, AccessLogFilter filter, int limit, string? cursor, CancellationToken cancellationToken);
}
