using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SooperSeller.Core.Notifications;
using SooperSeller.Testing;
using SooperSeller.Testing.DevHost;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.DevHost;

public sealed class DevEndpointsTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>
{
    private static readonly Dictionary<string, string?> Sandbox = new() { ["DevHost:Sandbox"] = "true" };

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
    public async Task Outbox_InSandboxWithoutSmtp_ShowsHeldMessagesNewestFirstWithTheirLinks()
    {
        await using var devHost = await TestDevHost.StartAsync(fixture.Emulators, settings: Sandbox);
        var outbox = devHost.Services.GetRequiredService<IOutbox>();
        var now = DateTimeOffset.UtcNow;
        var older = Email(now.AddSeconds(-1), "verify-email");
        var newer = Email(now, "password-reset");
        await outbox.EnqueueAsync(older, CancellationToken.None);
        await outbox.EnqueueAsync(newer, CancellationToken.None);

        JsonElement[] mine = [];
        var held = await Eventually.HoldsAsync(
            async () =>
            {
                mine = (await ListAsync(devHost, "dev/outbox?limit=200")).GetProperty("items").EnumerateArray()
                    .Where(i => i.GetProperty("id").GetString() is { } id && (id == older.Id || id == newer.Id)).ToArray();
                return mine.Length == 2 && mine.All(i => i.GetProperty("status").GetString() == "held");
            },
            TimeSpan.FromSeconds(30));

        Assert.True(held, "the messages were not held by the queue function");
        Assert.Equal([newer.Id, older.Id], mine.Select(i => i.GetProperty("id").GetString()));
        var item = mine[0];
        Assert.Equal(newer.To, item.GetProperty("to").GetString());
        Assert.Equal(newer.Subject, item.GetProperty("subject").GetString());
        Assert.Equal(newer.TextBody, item.GetProperty("text").GetString());
        Assert.Equal([newer.Links[0].OriginalString], item.GetProperty("links").EnumerateArray().Select(l => l.GetString()));
        Assert.EndsWith("Z", item.GetProperty("createdAt").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outbox_WithALimit_PagesNewestFirstThroughTheCursor()
    {
        await using var devHost = await TestDevHost.StartAsync(fixture.Emulators, settings: Sandbox);
        var outbox = devHost.Services.GetRequiredService<IOutbox>();
        // Far in the future, so these three are the newest in the run's shared outbox table.
        var at = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var emails = Enumerable.Range(0, 3).Select(i => Email(at.AddMinutes(i), "page")).ToList();
        foreach (var email in emails)
        {
            await outbox.EnqueueAsync(email, CancellationToken.None);
        }

        var first = await ListAsync(devHost, "dev/outbox?limit=2");
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await ListAsync(devHost, $"dev/outbox?limit=2&cursor={cursor}");

        Assert.Equal([emails[2].Id, emails[1].Id], first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.NotNull(cursor);
        Assert.Equal(emails[0].Id, second.GetProperty("items")[0].GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("dev/outbox?limit=0")]
    [InlineData("dev/outbox?limit=201")]
    [InlineData("dev/outbox?limit=ten")]
    [InlineData("dev/outbox?cursor=not-a-cursor")]
    public async Task Outbox_InvalidLimitOrCursor_Is400ProblemDetails(string path)
    {
        await using var devHost = await TestDevHost.StartAsync(fixture.Emulators, settings: Sandbox);

        using var response = await devHost.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
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

    private static async Task<JsonElement> ListAsync(TestDevHost devHost, string path)
    {
        using var response = await devHost.Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static OutgoingEmail Email(DateTimeOffset createdAt, string purpose)
    {
        var token = Guid.NewGuid().ToString("N");
        var link = new Uri($"http://127.0.0.1:7071/{purpose}?token={token}");
        return OutgoingEmail.Create($"{purpose}:{token}", "sana@example.pk", $"Your {purpose} link", $"Open {link} to continue.", [link], createdAt);
    }
}
