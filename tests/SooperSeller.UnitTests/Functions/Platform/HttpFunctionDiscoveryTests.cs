using SooperSeller.DevHost.Hosting;
using SooperSeller.Functions;

namespace SooperSeller.UnitTests.Functions.Platform;

public class HttpFunctionDiscoveryTests
{
    [Fact]
    public void Discover_FindsHealthAndTheCatchAllWithFunctionsRoutes()
    {
        var functions = FunctionCatalog.Discover([typeof(FunctionsAppServices).Assembly]).Http.ToDictionary(f => f.Name);

        Assert.Equal("api/health", functions["GetHealth"].Route);
        Assert.Equal(["GET"], functions["GetHealth"].Methods);
        Assert.Equal("api/{*path}", functions["RouteNotFound"].Route);
        Assert.Contains("DELETE", functions["RouteNotFound"].Methods);
    }
}
