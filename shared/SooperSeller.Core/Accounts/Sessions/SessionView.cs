namespace SooperSeller.Core.Accounts.Sessions;

/// <summary>One of the caller's sessions as <c>GET /api/me/sessions</c> lists it; <see cref="Current"/> marks the caller's own.</summary>
public sealed record SessionView(string Id, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, bool Current);
