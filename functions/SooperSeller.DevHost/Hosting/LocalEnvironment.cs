using Microsoft.Extensions.Configuration.Memory;
using SooperSeller.DevHost.Emulators;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.DevHost.Hosting;

/// <summary>
/// The dependencies the DevHost runs against: real ones when their settings are given (<c>Cosmos:Endpoint</c>,
/// <c>AzureWebJobsStorage</c>), otherwise emulators it starts on free loopback ports and stops when it stops.
/// </summary>
internal sealed partial class LocalEnvironment : IAsyncDisposable
{
    private LocalEnvironment(Azurite? azurite, CosmosStandIn? cosmos, ShopifySimulator? shopify)
    {
        Azurite = azurite;
        Cosmos = cosmos;
        Shopify = shopify;
    }

    public Azurite? Azurite { get; }

    public CosmosStandIn? Cosmos { get; }

    /// <summary>The Shopify simulator, in sandbox mode when no <c>Shopify:AdminBaseUrl</c> is given.</summary>
    public ShopifySimulator? Shopify { get; }

    public static async Task<LocalEnvironment> StartAsync(ConfigurationManager configuration, ILogger logger, CancellationToken cancellationToken)
    {
        var needStorage = string.IsNullOrWhiteSpace(configuration[StorageClients.SettingName])
            && string.IsNullOrWhiteSpace(configuration[$"{StorageClients.SettingName}:blobServiceUri"]);
        var needCosmos = string.IsNullOrWhiteSpace(configuration["Cosmos:Endpoint"]);
        var needShopify = configuration.GetValue<bool>("DevHost:Sandbox") && string.IsNullOrWhiteSpace(configuration["Shopify:AdminBaseUrl"]);

        // All start at once; if one fails, those that started are stopped again.
        var azuriteStart = needStorage ? AsNullable(Azurite.StartAsync(location: null, logger, cancellationToken)) : Task.FromResult<Azurite?>(null);
        var cosmosStart = needCosmos ? AsNullable(CosmosStandIn.StartAsync(logger, cancellationToken)) : Task.FromResult<CosmosStandIn?>(null);
        var shopifyStart = needShopify
            ? AsNullable(ShopifySimulator.StartAsync(configuration["Shopify:ApiKey"] ?? ShopifySimulator.SandboxApiKey, configuration["Shopify:ApiSecret"] ?? ShopifySimulator.SandboxApiSecret, logger, cancellationToken))
            : Task.FromResult<ShopifySimulator?>(null);
        Azurite? azurite = null;
        CosmosStandIn? cosmos = null;
        ShopifySimulator? shopify = null;
        try
        {
            azurite = await azuriteStart;
            cosmos = await cosmosStart;
            shopify = await shopifyStart;
        }
        catch
        {
            await DisposeStartedAsync(AsDisposable(azuriteStart), AsDisposable(cosmosStart), AsDisposable(shopifyStart));
            throw;
        }

        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (azurite is not null)
        {
            settings[StorageClients.SettingName] = azurite.ConnectionString;
            Log.Component(logger, "Azurite blob", azurite.BlobEndpoint);
            Log.Component(logger, "Azurite queue", azurite.QueueEndpoint);
            Log.Component(logger, "Azurite table", azurite.TableEndpoint);
        }

        if (cosmos is not null)
        {
            settings["Cosmos:Endpoint"] = cosmos.Endpoint.ToString();
            settings["Cosmos:Key"] = CosmosStandIn.Key;
            settings["Cosmos:UseGateway"] = "true";
            Log.Component(logger, "Cosmos stand-in", cosmos.Endpoint);
        }

        if (shopify is not null)
        {
            settings["Shopify:AdminBaseUrl"] = shopify.AdminBaseUrl;
            Log.Component(logger, "Shopify simulator", shopify.Endpoint);
        }

        ((IConfigurationBuilder)configuration).Add(new MemoryConfigurationSource { InitialData = settings });
        return new LocalEnvironment(azurite, cosmos, shopify);
    }

    public async ValueTask DisposeAsync()
    {
        if (Azurite is not null)
        {
            await Azurite.DisposeAsync();
        }

        if (Cosmos is not null)
        {
            await Cosmos.DisposeAsync();
        }

        if (Shopify is not null)
        {
            await Shopify.DisposeAsync();
        }
    }

    private static async Task<IAsyncDisposable?> AsDisposable<T>(Task<T?> start)
        where T : class, IAsyncDisposable => await start;

    private static async Task<T?> AsNullable<T>(Task<T> start)
        where T : class => await start;

    private static async Task DisposeStartedAsync(params Task<IAsyncDisposable?>[] starts)
    {
        foreach (var start in starts)
        {
            try
            {
                if (await start is { } started)
                {
                    await started.DisposeAsync();
                }
            }
            catch (Exception)
            {
                // this one never started: nothing to stop
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Information, "{Component} at {Address}")]
        public static partial void Component(ILogger logger, string component, Uri address);
    }
}
