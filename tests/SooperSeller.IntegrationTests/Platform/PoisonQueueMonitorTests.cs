using SooperSeller.Infrastructure.Storage;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Platform;

public class PoisonQueueMonitorTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>
{
    [Fact]
    public async Task MeasureAsync_ReportsEachPoisonQueuesDepth_AndIgnoresOtherQueues()
    {
        var storage = StorageClients.FromConnectionString(fixture.Emulators.Azurite.ConnectionString);
        var name = "monitor-" + Guid.NewGuid().ToString("N")[..10];
        var poison = storage.Queues.GetQueueClient(name + "-poison");
        var work = storage.Queues.GetQueueClient(name);
        await poison.CreateIfNotExistsAsync();
        await work.CreateIfNotExistsAsync();
        await poison.SendMessageAsync("a");
        await poison.SendMessageAsync("b");
        await work.SendMessageAsync("c");

        var depths = await new PoisonQueueMonitor(storage).MeasureAsync(CancellationToken.None);

        Assert.Equal(2, Assert.Single(depths, d => d.Queue == name + "-poison").Messages);
        Assert.DoesNotContain(depths, d => d.Queue == name);
    }
}
