using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using SooperSeller.DevHost.Emulators;
using SooperSeller.Shopify;

namespace SooperSeller.UnitTests.Shopify;

/// <summary>
/// Architecture D6: every document the client can send is validated against the pinned Admin API schema of the
/// version it names, by infra/local/shopify-simulator/validate-documents.js (graphql-js over Shopify's introspection).
/// </summary>
public class ShopifyDocumentsSchemaTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task All_ValidateAgainstThePinnedAdminSchema()
    {
        var documents = ShopifyDocuments.All.Select(d => (d.Name, d.Text)).ToList();

        var results = await ValidateAsync(documents);

        Assert.Equal(documents.Select(d => d.Name), results.Keys);
        Assert.All(results, r => Assert.True(r.Value.Count == 0, $"{r.Key}: {string.Join("; ", r.Value)}"));
    }

    [Fact]
    public void Documents_CarryEachFragmentTheySpreadOnce_AndOnlyThose()
    {
        var getOrders = ShopifyDocuments.All.Single(d => d.Name == "GetOrders").Text;
        var getShop = ShopifyDocuments.All.Single(d => d.Name == "GetShop").Text;

        Assert.Single(getOrders.Split("fragment SyncedOrderFields on Order").Skip(1));
        Assert.Single(getOrders.Split("fragment SyncedLineItemFields on LineItem").Skip(1));
        Assert.DoesNotContain("fragment ", getShop, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MisspelledField_IsReported()
    {
        // Guards the guard: a document the schema does not allow must come back with an error.
        var results = await ValidateAsync([("Broken", "query Broken { shop { id nmae } }")]);

        var error = Assert.Single(results["Broken"]);
        Assert.Contains("nmae", error, StringComparison.Ordinal);
    }

    private static async Task<Dictionary<string, List<string>>> ValidateAsync(IReadOnlyList<(string Name, string Text)> documents)
    {
        using var timeout = new CancellationTokenSource(Budget);
        var infra = RepositoryLayout.LocalInfra;
        await NpmPackages.EnsureInstalledAsync(infra, NullLogger.Instance, timeout.Token);

        var request = new JsonObject
        {
            ["version"] = new ShopifyOptions().ApiVersion,
            ["documents"] = new JsonArray(documents.Select(d => (JsonNode)new JsonObject { ["name"] = d.Name, ["text"] = d.Text }).ToArray()),
        };
        var startInfo = new ProcessStartInfo(OperatingSystem.IsWindows() ? "node.exe" : "node")
        {
            WorkingDirectory = infra,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(Path.Combine("shopify-simulator", "validate-documents.js"));

        using var node = Process.Start(startInfo)!;
        var stdout = node.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = node.StandardError.ReadToEndAsync(timeout.Token);
        await node.StandardInput.WriteAsync(request.ToJsonString());
        node.StandardInput.Close();
        try
        {
            await node.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            throw;
        }

        Assert.True(node.ExitCode == 0, $"validate-documents.js exited {node.ExitCode}: {await stderr}");
        using var answer = JsonDocument.Parse(await stdout);
        return answer.RootElement.GetProperty("results").EnumerateArray().ToDictionary(
            r => r.GetProperty("name").GetString()!,
            r => r.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList());
    }
}
