namespace SooperSeller.UnitTests.Architecture;

public class BannedApiTests
{
    private static readonly string Root = SooperSeller.DevHost.Emulators.RepositoryLayout.Root;

    [Fact]
    public void BannedSymbols_ListCosmosClientAndContainer()
    {
        var banned = File.ReadAllLines(Path.Combine(Root, "BannedSymbols.txt"));

        Assert.Contains(banned, line => line.StartsWith("T:Microsoft.Azure.Cosmos.CosmosClient;", StringComparison.Ordinal));
        Assert.Contains(banned, line => line.StartsWith("T:Microsoft.Azure.Cosmos.Container;", StringComparison.Ordinal));
    }

    [Fact]
    public void BannedApiSuppressions_OnlyInTheTenantDataBase()
    {
        var production = new[] { "shared", "functions" }
            .SelectMany(dir => Directory.EnumerateFiles(Path.Combine(Root, dir), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        var suppressing = production
            .Where(path => File.ReadAllText(path).Contains("RS0030", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(Root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(
            ["shared/SooperSeller.Infrastructure/Cosmos/CosmosClientFactory.cs", "shared/SooperSeller.Infrastructure/Cosmos/TenantContainer.cs", "shared/SooperSeller.Infrastructure/Cosmos/TenantStore.cs"],
            suppressing);
    }
}
