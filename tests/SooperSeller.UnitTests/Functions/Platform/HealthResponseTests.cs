using Microsoft.Extensions.Diagnostics.HealthChecks;
using SooperSeller.Functions.Platform;

namespace SooperSeller.UnitTests.Functions.Platform;

public class HealthResponseTests
{
    [Fact]
    public void From_AllHealthy_IsHealthyWithLatencies()
    {
        var report = Report(("cosmos", HealthStatus.Healthy, 3.4), ("blob", HealthStatus.Healthy, 1.2));

        var health = HealthResponse.From(report);

        Assert.True(health.IsHealthy);
        Assert.Equal("healthy", health.Status);
        Assert.Equal(3, health.Components["cosmos"].LatencyMs);
        Assert.Equal("healthy", health.Components["blob"].Status);
    }

    [Fact]
    public void From_OneUnhealthy_IsUnhealthyAndNamesIt()
    {
        var report = Report(("cosmos", HealthStatus.Healthy, 2), ("queue", HealthStatus.Unhealthy, 3000), ("table", HealthStatus.Degraded, 5));

        var health = HealthResponse.From(report);

        Assert.False(health.IsHealthy);
        Assert.Equal("unhealthy", health.Components["queue"].Status);
        Assert.Equal("unhealthy", health.Components["table"].Status);
        Assert.Equal("healthy", health.Components["cosmos"].Status);
    }

    private static HealthReport Report(params (string Name, HealthStatus Status, double Ms)[] entries) =>
        new(
            entries.ToDictionary(e => e.Name, e => new HealthReportEntry(e.Status, null, TimeSpan.FromMilliseconds(e.Ms), null, null)),
            TimeSpan.FromMilliseconds(entries.Sum(e => e.Ms)));
}
