namespace SooperSeller.Infrastructure.Accounts.Sessions;

/// <summary>Session lifetimes (security-reliability A: idle 30 minutes, absolute 12 hours).</summary>
public sealed class SessionOptions
{
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Last-seen is written at most this often, so a busy session costs one read per request, not a write.</summary>
    public TimeSpan LastSeenWriteInterval { get; set; } = TimeSpan.FromMinutes(1);
}
