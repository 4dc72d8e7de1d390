namespace SooperSeller.Core.Activity;

/// <summary>An audit entry as the log holds it.</summary>
public sealed record AuditLogView(
    string Id,
    DateTimeOffset At,
    ActivityActor Actor,
    AuditAction Action,
    string? TargetId,
    string? IpAddress,
    string? RequestId);
