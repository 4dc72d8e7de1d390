using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration.Memory;
using SooperSeller.DevHost.Emulators;
using SooperSeller.DevHost.Sandbox;
using SooperSeller.Functions;
using SooperSeller.Functions.Http;
using SooperSeller.Functions.Http.Auth;
using SooperSeller.Infrastructure.Cosmos;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.DevHost.Hosting;

/// <summary>
/// Builds the DevHost: configuration on embedded defaults, the local environment (emulators unless real settings are
/// given), the Functions app's services, and every function of the app run with Azure Functions semantics: HTTP
/// behind the same middleware, queues, timers and durable orchestrations in-process.
/// </summary>
public sealed partial class DevHostApp : IAsyncDisposable
{
    private readonly LocalEnvironment _environment;

    private DevHostApp(WebApplication app, LocalEnvironment environment, FunctionCatalog catalog)
    {
        App = app;
        _environment = environment;
        Catalog = catalog;
    }

    public WebApplication App { get; }

    public FunctionCatalog Catalog { get; }

    /// <summary>The Shopify simulator this DevHost started (sandbox mode without <c>Shopify:AdminBaseUrl</c>), else null.</summary>
    public ShopifySimulator? Simulator => _environment.Shopify;

    /// <summary>The HTTP base address it listens on, once started.</summary>
    public Uri BaseAddress => Address("http://");

    /// <summary>The HTTPS base address it listens on, once started.</summary>
    public Uri HttpsAddress => Address("https://");

    /// <param name="args">Command-line arguments (configuration overrides such as <c>--DevHost:Port=8080</c>).</param>
    public static async Task<DevHostApp> CreateAsync(string[] args, DevHostOverrides? overrides, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = DevHostOptions.EmbeddedDefaults });
        if (overrides?.Settings is { } settings)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var options = builder.Configuration.GetSection(DevHostOptions.SectionName).Get<DevHostOptions>() ?? new DevHostOptions();
        var stateDirectory = LocalState.Ensure();
        if (string.IsNullOrEmpty(builder.Configuration["Secrets:LocalDirectory"]))
        {
            builder.Configuration.AddInMemoryCollection([new("Secrets:LocalDirectory", Path.Combine(stateDirectory, "secrets"))]);
        }

        using var startupLogging = LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole(o => o.SingleLine = true));
        var logger = startupLogging.CreateLogger("SooperSeller.DevHost");
        var environment = await LocalEnvironment.StartAsync(builder.Configuration, logger, cancellationToken);
        try
        {
            var catalog = FunctionCatalog.Discover(overrides?.FunctionAssemblies ?? [typeof(FunctionsAppServices).Assembly]);
            var certificate = DevCertificate.LoadOrCreate(stateDirectory);
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.Listen(IPAddress.Loopback, options.Port);
                kestrel.Listen(IPAddress.Loopback, options.HttpsPort, listen => listen.UseHttps(certificate));
            });
            builder.Services.AddMvcCore();
            builder.Services.AddCors();
            builder.Services.AddSooperSellerFunctions(builder.Configuration);
            var invocations = new FunctionInvocations();
            builder.Services.AddSingleton(catalog);
            builder.Services.AddSingleton(invocations);
            builder.Services.AddSingleton(HostJson.Load());
            builder.Services.AddHostedService<QueueFunctionListener>();
            builder.Services.AddHostedService<TimerFunctionScheduler>();
            builder.Services.AddInMemoryDurableTask(registry => DurableFunctions.Register(registry, catalog, invocations));
            if (options is { Sandbox: true, SandboxDemo: true } && environment.Shopify is { } simulator)
            {
                // Only against the simulator this DevHost started, never a Shopify given in Shopify:AdminBaseUrl.
                SandboxDemoServices.Add(builder.Services, simulator);
            }

            overrides?.Services?.Invoke(builder.Services);

            var app = builder.Build();
            app.UseMiddleware<ProblemDetailsMiddleware>();
            app.UseRouting();
            // Azure applies CORS on the platform (the Bicep's cors settings); the DevHost does it here, from the same key.
            var origins = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<FrontendOptions>>().Value.OriginSet.ToArray();
            app.UseCors(cors => cors.WithOrigins(origins).AllowCredentials()
                .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
                .WithHeaders("Content-Type", RequestAuthenticator.CsrfHeader));
            HttpFunctionEndpoints.Map(app, catalog.Http);
            DevEndpoints.Map(app, options.Sandbox);

            await app.Services.GetRequiredService<TenantStore>().EnsureCreatedAsync(TenantContainers.All, cancellationToken);
            var queues = await StorageProvisioner.EnsureCreatedAsync(app.Services.GetRequiredService<StorageClients>(), catalog, builder.Configuration, cancellationToken);
            Log.Provisioned(logger, TenantContainers.All.Count, queues.Count, StorageDeclarations.Tables.Count, StorageDeclarations.BlobContainers.Count);
            Log.Functions(logger, catalog.Http.Count, catalog.Queues.Count, catalog.Timers.Count, catalog.Orchestrators.Count, catalog.Activities.Count);
            Log.Secrets(logger, builder.Configuration["KeyVault:Uri"] ?? builder.Configuration["Secrets:LocalDirectory"]!);
            if (environment.Azurite is { } azurite)
            {
                await File.WriteAllTextAsync(LocalState.RunningStoragePath, azurite.ConnectionString, cancellationToken);
            }

            return new DevHostApp(app, environment, catalog);
        }
        catch
        {
            await environment.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        if (_environment.Azurite is { } azurite && File.Exists(LocalState.RunningStoragePath)
            && (await File.ReadAllTextAsync(LocalState.RunningStoragePath)).Trim() == azurite.ConnectionString)
        {
            File.Delete(LocalState.RunningStoragePath);
        }

        await _environment.DisposeAsync();
    }

    private Uri Address(string scheme) =>
        new(App.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses
            .First(a => a.StartsWith(scheme, StringComparison.Ordinal)).TrimEnd('/') + "/");

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Information, "Created {Containers} Cosmos containers, {Queues} queues (with poison queues), {Tables} tables, {BlobContainers} blob containers")]
        public static partial void Provisioned(ILogger logger, int containers, int queues, int tables, int blobContainers);

        [LoggerMessage(LogLevel.Information, "Functions: {Http} HTTP, {Queues} queue, {Timers} timer, {Orchestrators} orchestrators, {Activities} activities; durable task host in process")]
        public static partial void Functions(ILogger logger, int http, int queues, int timers, int orchestrators, int activities);

        [LoggerMessage(LogLevel.Information, "Secret store at {Location}")]
        public static partial void Secrets(ILogger logger, string location);
    }
}
