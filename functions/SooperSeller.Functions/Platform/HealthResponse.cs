using System.Text.Json.Serialization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SooperSeller.Functions.Platform;

/// <summary>The contract's health body: overall status and, per dependency, its status and round-trip time.</summary>
public sealed record HealthResponse(string Status, IReadOnlyDictionary<string, HealthComponent> Components)
{
    [JsonIgnore]
    public bool IsHealthy => Status == HealthComponent.Healthy;

    public static HealthResponse From(HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var components = report.Entries.ToDictionary(
            entry => entry.Key,
            entry => new HealthComponent(
                entry.Value.Status == HealthStatus.Healthy ? HealthComponent.Healthy : HealthComponent.Unhealthy,
                (long)Math.Round(entry.Value.Duration.TotalMilliseconds)),
            StringComparer.Ordinal);
        var healthy = components.Values.All(c => c.Status == HealthComponent.Healthy);
        return new HealthResponse(healthy ? HealthComponent.Healthy : HealthComponent.Unhealthy, components);
    }
}

public sealed record HealthComponent(string Status, long LatencyMs)
{
    public const string Healthy = "healthy";
    public const string Unhealthy = "unhealthy";
}
