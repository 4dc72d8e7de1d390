using System.Net;
using System.Text.Json;
using SooperSeller.Testing.DevHost;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Platform;

public class OpenApiTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>
{
    [Fact]
    public async Task GetOpenApi_AnonymousRequest_Returns200JsonDocumentWithTheRegisterOperation()
    {
        await using var devHost = await TestDevHost.StartAsync(fixture.Emulators);

        using var response = await devHost.Client.GetAsync(new Uri("api/openapi.json", UriKind.Relative));

        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var register = document.GetProperty("paths").GetProperty("/api/auth/register").GetProperty("post");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=300", response.Headers.CacheControl?.ToString());
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("Register", register.GetProperty("operationId").GetString());
        Assert.Equal("#/components/schemas/RegisterCommand", register.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.True(register.GetProperty("responses").TryGetProperty("202", out _));
    }
}
