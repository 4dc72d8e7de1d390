namespace SooperSeller.Infrastructure.Notifications;

/// <summary>Where the outbox keeps its rows and its delivery queue; tests use names of their own.</summary>
public sealed record OutboxLocation(string Table, string Queue)
{
    public const string TableName = "outbox";

    /// <summary>The queue <c>OnOutgoingEmail</c> reads (with <c>outgoing-email-poison</c> after five failures).</summary>
    public const string QueueName = "outgoing-email";

    public static OutboxLocation Default { get; } = new(TableName, QueueName);
}
