namespace SooperSeller.Core.Accounts.Throttling;

/// <summary>One counter as stored: the attempts counted in the current window, when that window began, and when the last was counted.</summary>
public sealed record ThrottleState(int Attempts, DateTimeOffset WindowStart, DateTimeOffset LastAttemptAt);
