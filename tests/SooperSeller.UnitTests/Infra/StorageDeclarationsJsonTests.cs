using System.Text.Json;
using System.Text.Json.Nodes;
using SooperSeller.DevHost.Hosting;
using SooperSeller.Functions;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.UnitTests.Infra;

/// <summary>
/// infra/storage-declarations.json is what the Bicep templates create tables, queues and blob containers from; it must
/// say exactly what the code declares (StorageDeclarations, and each queue function's queue with its -poison queue).
/// When this fails, write the expected text it prints to the file.
/// </summary>
public class StorageDeclarationsJsonTests
{
    public static string ExpectedJson()
    {
        var queues = FunctionCatalog.Discover([typeof(FunctionsAppServices).Assembly]).Queues
            .Select(f => f.QueueName)
            .SelectMany(q => new[] { q, q + PoisonQueueMonitor.Suffix })
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var root = new JsonObject
        {
            ["//"] = "Generated from StorageDeclarations and the queue functions; StorageDeclarationsJsonTests keeps it equal.",
            ["tables"] = new JsonArray(StorageDeclarations.Tables.Order(StringComparer.Ordinal).Select(t => (JsonNode)t).ToArray()),
            ["queues"] = new JsonArray(queues.Select(q => (JsonNode)q).ToArray()),
            ["blobContainers"] = new JsonArray(StorageDeclarations.BlobContainers.Order(StringComparer.Ordinal).Select(c => (JsonNode)c).ToArray()),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    [Fact]
    public void File_EqualsWhatTheCodeDeclares()
    {
        var path = Path.Combine(SooperSeller.DevHost.Emulators.RepositoryLayout.Root, "infra", "storage-declarations.json");
        var expected = ExpectedJson();

        var actual = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "(missing)";

        Assert.True(expected == actual, $"infra/storage-declarations.json is stale; it should read:\n{expected}");
    }

    [Fact]
    public void QueueNames_AreLiteral_SoTheTemplateCanCreateThem()
    {
        var references = FunctionCatalog.Discover([typeof(FunctionsAppServices).Assembly]).Queues.Where(f => f.QueueName.Contains('%', StringComparison.Ordinal));

        Assert.Empty(references);
    }
}
