using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using SooperSeller.DevHost.Emulators;
using SooperSeller.DevHost.Hosting;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.Testing.DevHost;

/// <summary>
/// The DevHost running in the test process on free loopback ports, over real HTTP, against the run's emulators (or an
/// Azurite of the test's own), on a Cosmos database of its own.
/// </summary>
public sealed class TestDevHost : IAsyncDisposable
{
    private TestDevHost(DevHostApp host, HttpClient client, string database)
    {
        Host = host;
        Client = client;
        Database = database;
    }

    public DevHostApp Host { get; }

    public HttpClient Client { get; }

    public string Database { get; }

    public IServiceProvider Services => Host.App.Services;

    public static async Task<TestDevHost> StartAsync(
        SharedEmulators emulators,
        Azurite? ownAzurite = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        IReadOnlyList<Assembly>? functionAssemblies = null,
        Action<IServiceCollection>? services = null)
    {
        ArgumentNullException.ThrowIfNull(emulators);
        var database = "devhost-" + Guid.NewGuid().ToString("N")[..12];
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["DevHost:Port"] = "0",
            ["DevHost:HttpsPort"] = "0",
            ["DevHost:Sandbox"] = "false",
            ["AzureWebJobsStorage"] = (ownAzurite ?? emulators.Azurite).ConnectionString,
            ["Cosmos:Endpoint"] = emulators.Cosmos.Endpoint.ToString(),
            ["Cosmos:Key"] = emulators.Cosmos.Key,
            ["Cosmos:UseGateway"] = emulators.Cosmos.IsStandIn ? "true" : "false",
            ["Cosmos:Database"] = database,
            ["Secrets:LocalDirectory"] = Path.Combine(Path.GetTempPath(), "sooperseller-tests", database, "secrets"),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var host = await DevHostApp.CreateAsync([], new DevHostOverrides { Settings = all, FunctionAssemblies = functionAssemblies, Services = services }, CancellationToken.None);
        await host.App.StartAsync();
        var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        return new TestDevHost(host, client, database);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.App.StopAsync();
        await Host.DisposeAsync();
    }
}
