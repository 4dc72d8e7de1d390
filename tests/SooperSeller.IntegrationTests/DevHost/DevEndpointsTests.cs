using System.Net;
using SooperSeller.Testing.DevHost;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.DevHost;

public sealed class DevEndpointsTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>
{
    [Fact]
    public async Task Outbox_OutsideSandbox_Is404ProblemDetails()
    {
        await using var devHost = await TestDevHost.StartAsync(fixture.Emulators, settings: new Dictionary<string, string?> { ["DevHost:Sandbox"] = "false" });

        using var response = await devHost.Client.GetAsync(new Uri("dev/outbox", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("sandbox", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outbox_InSandbox_SaysItIsNotBuiltYet()
    {
        await using var devHost = await TestDevHost.StartAsync(fixture.Emulators, settings: new Dictionary<string, string?> { ["DevHost:Sandbox"] = "true" });

        using var response = await devHost.Client.GetAsync(new Uri("dev/outbox", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task Https_ServesTheSameApi()
    {
        await using var devHost = await TestDevHost.StartAsync(fixture.Emulators);
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Subject == "CN=SooperSeller DevHost" };
        using var https = new HttpClient(handler) { BaseAddress = devHost.Host.HttpsAddress };

        using var response = await https.GetAsync(new Uri("api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
