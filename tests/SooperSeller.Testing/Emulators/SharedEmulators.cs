using Microsoft.Extensions.Logging.Abstractions;
using SooperSeller.DevHost.Emulators;

namespace SooperSeller.Testing.Emulators;

/// <summary>
/// The emulators of one test run: started once per test process on free loopback ports, on first use, and shared by
/// every test (each test isolates itself with its own database, containers or names). They die with the test process,
/// whatever ends it: see <see cref="NodeProcess"/>.
/// </summary>
public sealed class SharedEmulators
{
    private static readonly Lazy<Task<SharedEmulators>> Instance = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private SharedEmulators(Azurite azurite, CosmosTarget cosmos, ShopifySimulator shopify)
    {
        Azurite = azurite;
        Cosmos = cosmos;
        Shopify = shopify;
    }

    public Azurite Azurite { get; }

    public CosmosTarget Cosmos { get; }

    /// <summary>Runs with <see cref="ShopifySimulator.SandboxApiKey"/> and <see cref="ShopifySimulator.SandboxApiSecret"/>; tests isolate themselves with their own shop domains.</summary>
    public ShopifySimulator Shopify { get; }

    public static Task<SharedEmulators> GetAsync() => Instance.Value;

    private static async Task<SharedEmulators> StartAsync()
    {
        var logger = NullLogger.Instance;
        var real = CosmosTarget.RealAccountFromEnvironment();
        var azuriteStart = Azurite.StartAsync(location: null, logger, CancellationToken.None);
        var standInStart = real is null ? CosmosStandIn.StartAsync(logger, CancellationToken.None) : Task.FromResult<CosmosStandIn>(null!);
        var shopifyStart = ShopifySimulator.StartAsync(ShopifySimulator.SandboxApiKey, ShopifySimulator.SandboxApiSecret, logger, CancellationToken.None);
        var azurite = await azuriteStart;
        var standIn = await standInStart;
        var shopify = await shopifyStart;
        var cosmos = real is { } account
            ? new CosmosTarget(account.Endpoint, account.Key, standIn: null)
            : new CosmosTarget(standIn.Endpoint, CosmosStandIn.Key, standIn);

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            azurite.Kill();
            standIn?.Process.Kill();
            shopify.Process.Kill();
        };
        return new SharedEmulators(azurite, cosmos, shopify);
    }
}
