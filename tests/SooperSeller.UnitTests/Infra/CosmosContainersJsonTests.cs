using System.Text.Json;
using System.Text.Json.Nodes;
using SooperSeller.Infrastructure.Cosmos;

namespace SooperSeller.UnitTests.Infra;

/// <summary>
/// infra/cosmos-containers.json is what the Bicep templates create containers from (loadJsonContent); it must say
/// exactly what <see cref="TenantContainers"/> declares. When this fails, write the expected text it prints to the file.
/// </summary>
public class CosmosContainersJsonTests
{
    public static string ExpectedJson()
    {
        var containers = new JsonArray();
        foreach (var container in TenantContainers.All)
        {
            var indexes = new JsonArray();
            foreach (var index in container.CompositeIndexes)
            {
                indexes.Add(new JsonArray(index.Paths.Select(p => (JsonNode)new JsonObject { ["path"] = p.Path, ["order"] = p.Descending ? "descending" : "ascending" }).ToArray()));
            }

            containers.Add(new JsonObject
            {
                ["name"] = container.Name,
                ["defaultTtl"] = container.DefaultTimeToLiveSeconds,
                ["compositeIndexes"] = indexes,
            });
        }

        var root = new JsonObject
        {
            ["//"] = "Generated from shared/SooperSeller.Infrastructure/Cosmos/TenantContainers.cs; CosmosContainersJsonTests keeps it equal.",
            ["database"] = "sooperseller",
            ["partitionKeyPath"] = ContainerDefinition.PartitionKeyPath,
            ["containers"] = containers,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    [Fact]
    public void File_EqualsTheContainersDeclaredInCode()
    {
        var path = Path.Combine(SooperSeller.DevHost.Emulators.RepositoryLayout.Root, "infra", "cosmos-containers.json");
        var expected = ExpectedJson();

        var actual = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "(missing)";

        Assert.True(expected == actual, $"infra/cosmos-containers.json is stale; it should read:\n{expected}");
    }
}
