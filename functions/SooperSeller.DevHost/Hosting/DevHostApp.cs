using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration.Memory;
using SooperSeller.Functions;
using SooperSeller.Infrastructure.Cosmos;

namespace SooperSeller.DevHost.Hosting;

/// <summary>
/// Builds the DevHost: configuration on embedded defaults, the local environment (emulators unless real settings are
/// given), the Functions app's services, and every HTTP function behind the same middleware semantics.
/// </summary>
public sealed class DevHostApp : IAsyncDisposable
{
    private readonly LocalEnvironment _environment;

    private DevHostApp(WebApplication app, LocalEnvironment environment)
    {
        App = app;
        _environment = environment;
    }

    public WebApplication App { get; }

    /// <summary>The HTTP base address it listens on, once started.</summary>
    public Uri BaseAddress =>
        new(App.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses
            .First(a => a.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/') + "/");

    /// <param name="args">Command-line arguments (configuration overrides such as <c>--DevHost:Port=8080</c>).</param>
    /// <param name="settings">Settings that override every other source (tests use them).</param>
    public static async Task<DevHostApp> CreateAsync(string[] args, IReadOnlyDictionary<string, string?>? settings, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = DevHostOptions.EmbeddedDefaults });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var options = builder.Configuration.GetSection(DevHostOptions.SectionName).Get<DevHostOptions>() ?? new DevHostOptions();

        using var startupLogging = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true));
        var environment = await LocalEnvironment.StartAsync(builder.Configuration, startupLogging.CreateLogger("SooperSeller.DevHost"), cancellationToken);
        try
        {
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
            builder.Services.AddMvcCore();
            builder.Services.AddSooperSellerFunctions(builder.Configuration);

            var app = builder.Build();
            app.UseMiddleware<ProblemDetailsMiddleware>();
            app.UseRouting();
            HttpFunctionEndpoints.Map(app, HttpFunctionEndpoints.Discover(typeof(FunctionsAppServices).Assembly));

            await app.Services.GetRequiredService<TenantStore>().EnsureCreatedAsync(TenantContainers.All, cancellationToken);
            return new DevHostApp(app, environment);
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
        await _environment.DisposeAsync();
    }
}
