namespace SooperSeller.Infrastructure.Notifications;

/// <summary>The queue message <c>{"id": "eml_…"}</c>: the id only, so no personal data ever sits in a queue (or a poison queue).</summary>
public sealed record OutgoingEmailQueueMessage(string Id);
