namespace SooperSeller.Core.Activity;

/// <summary>Filters of the audit log; null means any. <see cref="From"/> is inclusive, <see cref="To"/> exclusive.</summary>
public sealed record AuditLogFilter(DateTimeOffset? From, DateTimeOffset? To, string? ActorId, AuditAction? Action);
