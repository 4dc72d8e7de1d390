using System.Text.RegularExpressions;
using SooperSeller.Infrastructure.Cosmos;

namespace SooperSeller.UnitTests.Architecture;

/// <summary>
/// Every multi-field ORDER BY in the production code needs a composite index (real Cosmos refuses the query without
/// one). TenantContainer checks each query at run time; this finds the queries no test happens to run.
/// </summary>
public partial class CompositeIndexCoverageTests
{
    [Fact]
    public void EveryMultiFieldOrderByInTheCode_IsServedByADeclaredCompositeIndex()
    {
        var root = SooperSeller.DevHost.Emulators.RepositoryLayout.Root;
        var queries = new[] { "shared", "functions" }
            .SelectMany(dir => Directory.EnumerateFiles(Path.Combine(root, dir), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains("/obj/", StringComparison.Ordinal) && !path.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(path => SelectLiterals().Matches(File.ReadAllText(path)).Select(m => (path, query: m.Groups["q"].Value)))
            .Where(q => q.query.Contains("ORDER BY", StringComparison.OrdinalIgnoreCase));

        var unserved = queries
            .Where(q => !TenantContainers.All.Any(container => Serves(container, q.query)))
            .Select(q => $"{Path.GetFileName(q.path)}: {q.query}")
            .ToList();

        Assert.Empty(unserved);
    }

    [Fact]
    public void SelectLiterals_FindsQueriesInOrdinaryVerbatimAndRawStrings()
    {
        // Guards the scan above: it must see queries however they are written.
        const string source = "var a = \"SELECT * FROM c ORDER BY c.a, c.b\"; var b = @\"SELECT * FROM c\"; var c = \"\"\"\n    SELECT c.id FROM c\n    \"\"\";";

        var found = SelectLiterals().Matches(source).Select(m => m.Groups["q"].Value.Trim()).ToList();

        Assert.Equal(3, found.Count);
        Assert.False(Serves(TenantContainers.Orders, found[0]));
    }

    private static bool Serves(ContainerDefinition container, string query)
    {
        try
        {
            container.EnsureIndexed(query);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    [GeneratedRegex("\"\"\"(?<q>\\s*SELECT\\b.*?)\"\"\"|@\"(?<q>\\s*SELECT\\b[^\"]*)\"|\"(?<q>\\s*SELECT\\b[^\"\\n]*)\"", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex SelectLiterals();
}
