using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.DevHost;

/// <summary>HTTP functions through the DevHost: binding, durable client, and errors as ProblemDetails.</summary>
public sealed class HttpSemanticsTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>, IAsyncLifetime
{
    private TestFunctionsDevHost? _devHost;

    private HttpClient Client => _devHost!.Host.Client;

    public async Task InitializeAsync() => _devHost = await TestFunctionsDevHost.StartAsync(fixture.Emulators);

    public async Task DisposeAsync() => await _devHost!.DisposeAsync();

    [Fact]
    public async Task JsonBody_IsBoundAndEchoed()
    {
        using var response = await Client.PostAsJsonAsync("api/test/echo", new { text = "hello", count = 2 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hello", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("text").GetString());
    }

    [Fact]
    public async Task MalformedJsonBody_Is400ProblemDetailsNamingTheField()
    {
        using var content = new StringContent("""{"text":"hello","count":"two"}""", Encoding.UTF8, "application/json");

        using var response = await Client.PostAsync(new Uri("api/test/echo", UriKind.Relative), content);

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(body.GetProperty("errors").TryGetProperty("count", out _));
    }

    [Fact]
    public async Task ThrownException_Is500ProblemDetailsWithoutInternals()
    {
        using var response = await Client.GetAsync(new Uri("api/test/explode", UriKind.Relative));

        var raw = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("hunter2", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", raw, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(raw).RootElement.GetProperty("traceId").GetString()));
    }

    [Theory]
    [InlineData("api/test/items/42", HttpStatusCode.OK)]
    [InlineData("api/test/items/forty-two", HttpStatusCode.NotFound)]
    public async Task RouteConstraint_BindsMatchingValues_AndMatchesNothingElse(string path, HttpStatusCode expected)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal(42, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
        }
    }

    [Fact]
    public async Task DurableClient_RunsTheOrchestratorAndItsActivityInProcess()
    {
        using var response = await Client.PostAsync(new Uri("api/test/greetings/Ayesha", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello Ayesha!", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("output").GetString());
        Assert.Contains("greeted Ayesha", _devHost!.Sink.Messages);
    }
}
