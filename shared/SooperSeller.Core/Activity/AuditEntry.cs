using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Activity;

/// <summary>One administrative action: who did what to which target (ids only, no personal data), when and from where.</summary>
public sealed record AuditEntry(
    MerchantId MerchantId,
    ActivityActor Actor,
    AuditAction Action,
    string? TargetId,
    DateTimeOffset At,
    string? IpAddress,
    string? RequestId);
