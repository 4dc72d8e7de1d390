namespace SooperSeller.Infrastructure.Notifications;

/// <summary>What one sweep of the outbox did.</summary>
public sealed record OutboxSweep(int Redelivered, int Deleted);
