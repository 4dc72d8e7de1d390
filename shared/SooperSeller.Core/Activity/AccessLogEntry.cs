using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Activity;

/// <summary>
/// One read, export, update or delete of personal data through the API: who, which merchant, which records (ids only),
/// why, when and from where; never the data itself (architecture section 4, ASVS 16.3.2).
/// </summary>
public sealed record AccessLogEntry(
    MerchantId MerchantId,
    ActivityActor Actor,
    AccessAction Action,
    string ResourceType,
    IReadOnlyCollection<string> RecordIds,
    AccessPurpose Purpose,
    DateTimeOffset At,
    string? IpAddress,
    string? RequestId)
{
    /// <summary>A list or export names at most this many record ids; the entry keeps the total count of records.</summary>
    public const int MaxRecordIds = 200;
}
