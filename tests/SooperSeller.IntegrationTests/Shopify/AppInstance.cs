using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SooperSeller.Infrastructure;
using SooperSeller.Infrastructure.Storage;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Shopify;

/// <summary>
/// One app instance's services (Infrastructure and the Shopify client) against the run's emulators and Shopify
/// simulator, without a host: two of them stand for two Functions instances sharing Storage and the secret store.
/// </summary>
public static class AppInstance
{
    public static ServiceProvider Create(SharedEmulators emulators, string secretsDirectory)
    {
        ArgumentNullException.ThrowIfNull(emulators);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageClients.SettingName] = emulators.Azurite.ConnectionString,
            ["Secrets:LocalDirectory"] = secretsDirectory,
            ["Cosmos:Endpoint"] = emulators.Cosmos.Endpoint.ToString(),
            ["Cosmos:Key"] = emulators.Cosmos.Key,
            ["Cosmos:Database"] = "unused",
            ["Shopify:AdminBaseUrl"] = emulators.Shopify.AdminBaseUrl,
            ["Shopify:ApiKey"] = emulators.Shopify.ApiKey,
            ["Shopify:ApiSecret"] = emulators.Shopify.ApiSecret,
            ["Shopify:RetryBaseDelay"] = "00:00:00.050",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddInfrastructure(configuration);
        return services.BuildServiceProvider();
    }

    public static string NewSecretsDirectory() => Path.Combine(Path.GetTempPath(), "sooperseller-tests", "secrets-" + Guid.NewGuid().ToString("N")[..12]);
}
