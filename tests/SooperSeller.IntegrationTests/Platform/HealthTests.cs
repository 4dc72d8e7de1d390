using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SooperSeller.DevHost.Emulators;
using SooperSeller.Testing.DevHost;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Platform;

public class HealthTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>
{
    [Fact]
    public async Task GetHealth_AllDependenciesUp_Returns200WithEachComponent()
    {
        await using var devHost = await TestDevHost.StartAsync(fixture.Emulators);

        using var response = await devHost.Client.GetAsync(new Uri("api/health", UriKind.Relative));

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal(["status", "components"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(new[] { "blob", "cosmos", "queue", "secrets", "table" }, body.GetProperty("components").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        foreach (var component in new[] { "cosmos", "blob", "queue", "table", "secrets" })
        {
            var entry = body.GetProperty("components").GetProperty(component);
            Assert.Equal("healthy", entry.GetProperty("status").GetString());
            Assert.True(entry.GetProperty("latencyMs").GetInt64() >= 0);
            Assert.Equal(["status", "latencyMs"], entry.EnumerateObject().Select(p => p.Name));
        }
    }

    [Fact]
    public async Task GetHealth_AzuriteStopped_Returns503NamingBlobQueueAndTable()
    {
        var azurite = await Azurite.StartAsync(location: null, NullLogger.Instance, CancellationToken.None);
        await using var devHost = await TestDevHost.StartAsync(fixture.Emulators, ownAzurite: azurite);
        using (var before = await devHost.Client.GetAsync(new Uri("api/health", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        azurite.Kill();
        using var response = await devHost.Client.GetAsync(new Uri("api/health", UriKind.Relative));

        var components = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("components");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unhealthy", components.GetProperty("blob").GetProperty("status").GetString());
        Assert.Equal("unhealthy", components.GetProperty("queue").GetProperty("status").GetString());
        Assert.Equal("unhealthy", components.GetProperty("table").GetProperty("status").GetString());
        Assert.Equal("healthy", components.GetProperty("cosmos").GetProperty("status").GetString());
        Assert.Equal("healthy", components.GetProperty("secrets").GetProperty("status").GetString());
        await azurite.DisposeAsync();
    }
}
