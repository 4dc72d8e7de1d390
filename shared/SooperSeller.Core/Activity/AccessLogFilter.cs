namespace SooperSeller.Core.Activity;

/// <summary>Filters of the access log; null means any. <see cref="From"/> is inclusive, <see cref="To"/> exclusive.</summary>
public sealed record AccessLogFilter(DateTimeOffset? From, DateTimeOffset? To, string? ActorId, string? ResourceType, AccessAction? Action);
