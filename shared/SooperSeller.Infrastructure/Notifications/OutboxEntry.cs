namespace SooperSeller.Infrastructure.Notifications;

/// <summary>A message the outbox still holds, as <c>GET /dev/outbox</c> lists it.</summary>
public sealed record OutboxEntry(string Id, string To, string Subject, string Text, IReadOnlyList<string> Links, DateTimeOffset CreatedAt, string Status);
