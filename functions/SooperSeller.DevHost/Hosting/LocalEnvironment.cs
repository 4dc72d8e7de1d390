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
    private LocalEnvironment(Azurite? azurite, CosmosStandIn? cosmos)
    {
        Azurite = azurite;
        Cosmos = cosmos;
    }

    public Azurite? Azurite { get; }

    public CosmosStandIn? Cosmos { get; }

    public static async Task<LocalEnvironment> StartAsync(ConfigurationManager configuration, ILogger logger, CancellationToken cancellationToken)
    {
        var needStorage = string.IsNullOrWhiteSpace(configuration[StorageClients.SettingName])
            && string.IsNullOrWhiteSpace(configuration[$"{StorageClients.SettingName}:blobServiceUri"]);
        var needCosmos = string.IsNullOrWhiteSpace(configuration["Cosmos:Endpoint"]);

        var azuriteStart = needStorage ? Azurite.StartAsync(location: null, logger, cancellationToken) : Task.FromResult<Azurite?>(null)!;
        var cosmosStart = needCosmos ? CosmosStandIn.StartAsync(logger, cancellationToken) : Task.FromResult<CosmosStandIn?>(null)!;
        Azurite? azurite = null;
        CosmosStandIn? cosmos = null;
        try
        {
            azurite = await azuriteStart;
            cosmos = await cosmosStart;
        }
        catch
        {
            await DisposeStartedAsync(azuriteStart, cosmosStart);
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

        ((IConfigurationBuilder)configuration).Add(new MemoryConfigurationSource { InitialData = settings });
        return new LocalEnvironment(azurite, cosmos);
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
    }

    private static async Task DisposeStartedAsync(Task<Azurite> azurite, Task<CosmosStandIn> cosmos)
    {
        foreach (var started in new Task<IAsyncDisposable?>[] { Started(azurite), Started(cosmos) })
        {
            if (await started is { } disposable)
            {
                await disposable.DisposeAsync();
            }
        }

        static async Task<IAsyncDisposable?> Started<T>(Task<T> task)
            where T : IAsyncDisposable
        {
            try
            {
                return await task;
            }
            catch (Exception)
            {
                return null;
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Information, "{Component} at {Address}")]
        public static partial void Component(ILogger logger, string component, Uri address);
    }
}
