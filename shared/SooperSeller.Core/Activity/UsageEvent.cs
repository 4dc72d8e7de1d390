using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Activity;

/// <summary>
/// One request, as the privacy policy's usage data describes it: IP address, browser, page (the route template, never
/// the raw path or query string, which may carry identifiers), result and time. Kept 90 days.
/// </summary>
public sealed record UsageEvent(
    DateTimeOffset At, string? IpAddress, string? UserAgent, string Method, string RouteTemplate, int Status, MerchantId? MerchantId, string? UserId)
{
    public const int MaxUserAgentLength = 256;
}

/// <summary>Where usage events go.</summary>
public interface IUsageLog
{
    Task RecordAsync(UsageEvent usage, CancellationToken cancellationToken);
}
