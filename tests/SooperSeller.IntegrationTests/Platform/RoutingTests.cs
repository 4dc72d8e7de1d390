using System.Net;
using System.Text.Json;
using SooperSeller.Testing.DevHost;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Platform;

public sealed class RoutingTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>, IAsyncLifetime
{
    private TestDevHost? _devHost;

    private HttpClient Client => _devHost!.Client;

    public async Task InitializeAsync() => _devHost = await TestDevHost.StartAsync(fixture.Emulators);

    public async Task DisposeAsync() => await _devHost!.DisposeAsync();

    [Theory]
    [InlineData("GET", "api/nothing-here")]
    [InlineData("POST", "api/orders/123/teleport")]
    [InlineData("DELETE", "api/health/extra")]
    public async Task UnknownApiRoute_Answers404ProblemDetails(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        using var response = await Client.SendAsync(request);

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("traceId").GetString()));
    }

    [Fact]
    public async Task KnownRoute_WinsOverTheCatchAll()
    {
        using var response = await Client.GetAsync(new Uri("api/health", UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task BodyOverTheRouteLimit_Answers413ProblemDetails()
    {
        using var content = new ByteArrayContent(new byte[(64 * 1024) + 1]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await Client.PostAsync(new Uri("api/anything", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
