namespace SooperSeller.Core.Activity;

/// <summary>An access-log entry as the log holds it: <see cref="RecordIds"/> capped at <see cref="AccessLogEntry.MaxRecordIds"/>, <see cref="RecordCount"/> the total.</summary>
public sealed record AccessLogView(
    string Id,
    DateTimeOffset At,
    ActivityActor Actor,
    AccessAction Action,
    string ResourceType,
    IReadOnlyList<string> RecordIds,
    int RecordCount,
    AccessPurpose Purpose,
    string? IpAddress,
    string? RequestId);
