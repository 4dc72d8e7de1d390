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
        Action<IServiceCollection>? services = null,
        bool runTimers = false,
        bool shopify = false,
        bool sandboxDemo = false)
    {
        ArgumentNullException.ThrowIfNull(emulators);
        var database = "devhost-" + Guid.NewGuid().ToString("N")[..12];
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["DevHost:Port"] = "0",
            ["DevHost:HttpsPort"] = "0",
            ["DevHost:Sandbox"] = "false",

            // Test DevHosts share one simulator and the shop directory: the sandbox demo merchant only where a test asks.
            ["DevHost:SandboxDemo"] = sandboxDemo ? "true" : "false",
            ["AzureWebJobsStorage"] = (ownAzurite ?? emulators.Azurite).ConnectionString,
            ["Cosmos:Endpoint"] = emulators.Cosmos.Endpoint.ToString(),
            ["Cosmos:Key"] = emulators.Cosmos.Key,
            ["Cosmos:UseGateway"] = emulators.Cosmos.IsStandIn ? "true" : "false",
            ["Cosmos:Database"] = database,
            ["Secrets:LocalDirectory"] = Path.Combine(Path.GetTempPath(), "sooperseller-tests", database, "secrets"),
            ["Logging:LogLevel:Default"] = "Warning",

            // Every test DevHost speaks to the run's Shopify simulator, never to Shopify.
            ["Shopify:AdminBaseUrl"] = emulators.Shopify.AdminBaseUrl,
            ["Shopify:ApiKey"] = emulators.Shopify.ApiKey,
            ["Shopify:ApiSecret"] = emulators.Shopify.ApiSecret,
        };
        // The app's timers sweep tables every test shares; with a test's fake clock they would sweep other tests' rows.
        // A test that means to run timers says so, and brings an Azurite of its own when they touch shared state.
        if (!runTimers)
        {
            foreach (var timer in FunctionCatalog.Discover(functionAssemblies ?? [typeof(SooperSeller.Functions.FunctionsAppServices).Assembly]).Timers)
            {
                all[FunctionSwitch.SettingFor(timer.Name)] = "true";
            }
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        // A frozen clock unless the test brings its own: the app's timers (sweeps of shared tables, every hour) must not
        // fire on the wall clock in the middle of other tests that share the run's Azurite and use fake times.
        var frozen = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var overrides = new DevHostOverrides
        {
            Settings = all,
            FunctionAssemblies = functionAssemblies,
            Services = collection =>
            {
                collection.AddSingleton<TimeProvider>(frozen);
                services?.Invoke(collection);
            },
        };
        DevHostApp host;
        for (var attempt = 1; ; attempt++)
        {
            if (shopify)
            {
                // Shopify redirects and webhooks need the app's own address before it starts (Shopify:AppUrl), so the
                // port is chosen here rather than by the server; a port taken meanwhile is retried with another.
                var port = FreeLoopbackPort();
                all["DevHost:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
                all["Shopify:AppUrl"] = $"http://127.0.0.1:{port}";
            }

            host = await DevHostApp.CreateAsync([], overrides, CancellationToken.None);
            try
            {
                await host.App.StartAsync();
                break;
            }
            catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException && attempt < 5)
            {
                // The in-process durable task host picks its gRPC sidecar's port by probing for a free one, then binds
                // it: with many DevHosts starting in parallel, two may pick the same port. Start again.
                await host.DisposeAsync();
            }
        }

        // As a browser on our own front end: same-origin fetches carry Sec-Fetch-Site. Cross-site tests use CreateClient.
        var client = CreateClient(host.BaseAddress);
        client.DefaultRequestHeaders.Add("Sec-Fetch-Site", "same-origin");
        return new TestDevHost(host, client, database);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A client with no browser headers at all (curl, or another site's script without them).</summary>
    public static HttpClient CreateClient(Uri baseAddress) => new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.App.StopAsync();
        await Host.DisposeAsync();
    }
}
