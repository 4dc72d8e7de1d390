using System.Text.Json;
using Microsoft.Azure.Cosmos;
using SooperSeller.Testing;
using SooperSeller.Testing.Emulators;
using SooperSeller.IntegrationTests.DevHost;

namespace SooperSeller.IntegrationTests.Platform;

/// <summary>Every request leaves a usage event (IP, browser, route template, status, time) and nothing more.</summary>
public sealed class UsageDataTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>
{
    [Fact]
    public async Task Request_RecordsRouteTemplateStatusIpAndBrowser_NeverTheRawPathOrQuery()
    {
        await using var devHost = await TestFunctionsDevHost.StartAsync(fixture.Emulators);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/test/items/4242?note=ayesha.khan%40example.pk");
        request.Headers.UserAgent.ParseAdd("UsageProbe/1.0");

        using var response = await devHost.Host.Client.SendAsync(request);

        var events = await UsageEventsAsync(devHost.Host.Database, "api/test/items/{id:int}");
        var usage = Assert.Single(events);
        var raw = usage.GetRawText();
        Assert.Equal(200, usage.GetProperty("status").GetInt32());
        Assert.Equal("GET", usage.GetProperty("method").GetString());
        Assert.Equal("127.0.0.1", usage.GetProperty("ipAddress").GetString());
        Assert.Equal("UsageProbe/1.0", usage.GetProperty("userAgent").GetString());
        Assert.StartsWith("anon-", usage.GetProperty("merchantId").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("4242", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("ayesha", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedRequest_RecordsItsFinalStatus()
    {
        await using var devHost = await TestFunctionsDevHost.StartAsync(fixture.Emulators);

        using var response = await devHost.Host.Client.GetAsync(new Uri("api/test/explode", UriKind.Relative));

        var usage = Assert.Single(await UsageEventsAsync(devHost.Host.Database, "api/test/explode"));
        Assert.Equal(500, usage.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task ActivityContainer_ExpiresUsageAfter90Days()
    {
        using var client = fixture.Emulators.Cosmos.CreateClient();
        await using var devHost = await TestFunctionsDevHost.StartAsync(fixture.Emulators);

        var properties = (await client.GetContainer(devHost.Host.Database, "activity").ReadContainerAsync()).Resource;

        Assert.Equal(90 * 24 * 60 * 60, properties.DefaultTimeToLive);
    }

    private async Task<List<JsonElement>> UsageEventsAsync(string database, string route)
    {
        using var client = fixture.Emulators.Cosmos.CreateClient(o => o.UseSystemTextJsonSerializerWithOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var container = client.GetContainer(database, "activity");
        var query = new QueryDefinition("SELECT * FROM c WHERE c.kind = 'usage' AND c.route = @route").WithParameter("@route", route);
        var found = new List<JsonElement>();
        await Eventually.HoldsAsync(
            async () =>
            {
                found.Clear();
                using var iterator = container.GetItemQueryIterator<JsonElement>(query);
                while (iterator.HasMoreResults)
                {
                    found.AddRange((await iterator.ReadNextAsync()).Select(e => e.Clone()));
                }

                return found.Count > 0;
            },
            TimeSpan.FromSeconds(20));
        return found;
    }
}
