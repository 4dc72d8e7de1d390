using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;
using SooperSeller.DevHost.Emulators;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Cosmos;

/// <summary>
/// Regression: the library behind the stand-in made plain-base64 resource ids, so every 64th database had a '/' in its
/// id and could not be queried (the SDK addresses partition key ranges by that id). The launcher writes '-' instead,
/// as Cosmos does.
/// </summary>
public sealed class StandInResourceIdTests
{
    [Fact]
    public async Task Query_InEachOfSeventyDatabases_Succeeds()
    {
        await using var standIn = await CosmosStandIn.StartAsync(NullLogger.Instance, CancellationToken.None);
        using var client = CosmosTarget.ForStandIn(standIn).CreateClient();
        var failures = new List<string>();

        for (var i = 0; i < 70; i++)
        {
            Database database = await client.CreateDatabaseAsync($"rid-{i}");
            Container container = await database.CreateContainerAsync("c", "/pk");
            await container.CreateItemAsync(new { id = "x", pk = "p" }, new PartitionKey("p"));
            try
            {
                using var iterator = container.GetItemQueryIterator<dynamic>("SELECT VALUE COUNT(1) FROM c", requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey("p") });
                _ = await iterator.ReadNextAsync();
            }
            catch (CosmosException e)
            {
                failures.Add($"{database.Id}: {(int)e.StatusCode}");
            }
        }

        Assert.Empty(failures);
    }
}
