using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Azure.Storage.Queues;
using SooperSeller.DevHost.Hosting;
using SooperSeller.Infrastructure.Storage;
using SooperSeller.Testing;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.DevHost;

public sealed class QueueSemanticsTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private QueueServiceClient Queues => StorageClients.FromConnectionString(fixture.Emulators.Azurite.ConnectionString).Queues;

    [Fact]
    public async Task Message_Base64Json_IsBoundToThePocoWithItsDequeueCount()
    {
        await using var devHost = await TestFunctionsDevHost.StartAsync(fixture.Emulators);

        await Queues.GetQueueClient(devHost.RecordQueue).SendMessageAsync(BinaryData.FromString("""{"text":"order-1001","count":3}"""));

        Assert.True(await Eventually.HoldsAsync(() => !devHost.Sink.Messages.IsEmpty, Deadline));
        Assert.Equal("order-1001:3", Assert.Single(devHost.Sink.Messages));
        Assert.Equal(1, Assert.Single(devHost.Sink.DequeueCounts));
        Assert.True(await Eventually.HoldsAsync(async () => (await Queues.GetQueueClient(devHost.RecordQueue).GetPropertiesAsync()).Value.ApproximateMessagesCount == 0, Deadline));
    }

    [Fact]
    public async Task MessageThatAlwaysFails_LandsInPoisonIntactAfterMaxDequeueCount_AndReplayBringsItBack()
    {
        const string body = """{"orderId":"o_1001","note":"ünïcødé ✓"}""";
        var maxDequeueCount = HostJson.Load().MaxDequeueCount;
        string poisonName;
        await using (var devHost = await TestFunctionsDevHost.StartAsync(fixture.Emulators))
        {
            poisonName = devHost.FailingQueue + "-poison";
            await Queues.GetQueueClient(devHost.FailingQueue).SendMessageAsync(BinaryData.FromString(body));

            Assert.True(await Eventually.HoldsAsync(async () => (await Queues.GetQueueClient(poisonName).PeekMessagesAsync(1)).Value.Length == 1, Deadline), "the message never reached the poison queue");
            Assert.Equal(Enumerable.Range(1, maxDequeueCount).Select(i => (long)i), devHost.Sink.DequeueCounts.Order());
            Assert.Equal(body, (await Queues.GetQueueClient(poisonName).PeekMessagesAsync(1)).Value[0].Body.ToString());
        }

        var storage = StorageClients.FromConnectionString(fixture.Emulators.Azurite.ConnectionString);
        var moved = await PoisonQueueReplay.RunAsync(storage, poisonName, max: 10, CancellationToken.None);

        var back = (await Queues.GetQueueClient(poisonName[..^"-poison".Length]).PeekMessagesAsync(10)).Value;
        Assert.Equal(1, moved);
        Assert.Equal(body, Assert.Single(back).Body.ToString());
        Assert.Empty((await Queues.GetQueueClient(poisonName).PeekMessagesAsync(10)).Value);
    }

    [Fact]
    public async Task Replay_WithMax_MovesNoMoreThanThat()
    {
        var queue = "replay-" + Guid.NewGuid().ToString("N")[..10];
        var poison = Queues.GetQueueClient(queue + "-poison");
        await poison.CreateIfNotExistsAsync();
        for (var i = 0; i < 5; i++)
        {
            await poison.SendMessageAsync(BinaryData.FromString(JsonSerializer.Serialize(new { i })));
        }

        var output = new StringWriter();
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection([new("AzureWebJobsStorage", fixture.Emulators.Azurite.ConnectionString)])
            .Build();

        var exit = await PoisonQueueReplay.MainAsync(["replay", queue, "--max", "3"], configuration, output, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Contains("Moved 3 message(s)", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(3, (await Queues.GetQueueClient(queue).PeekMessagesAsync(10)).Value.Length);
        Assert.Equal(2, (await poison.PeekMessagesAsync(10)).Value.Length);
    }

    public static TheoryData<string[]> BadReplayArguments => new() { new[] { "replay" }, new[] { "replay", "orders", "--max", "zero" } };

    [Theory]
    [MemberData(nameof(BadReplayArguments))]
    public async Task Replay_BadArguments_PrintsUsageAndExits2(string[] args)
    {
        var output = new StringWriter();

        var exit = await PoisonQueueReplay.MainAsync(args, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), output, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.False(string.IsNullOrWhiteSpace(output.ToString()));
    }
}
