using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Passwords;
using SooperSeller.DevHost.Emulators;

namespace SooperSeller.DevHost.Sandbox;

/// <summary>
/// Sandbox mode's demo merchant (contract, "Sandbox"): once the DevHost serves requests, signs the demo merchant up
/// through the real API, creates and seeds the demo shop in the simulator this DevHost started, and connects it
/// through the real OAuth flow, so a new user has a working store to look at after one command; the backfill starts by
/// itself when a store connects. Runs in the background (health is never delayed), does nothing twice (an account that
/// signs in and a store already connected are left alone), and a failure is a warning, never the DevHost's end.
/// Registered only when the DevHost started the simulator itself, so it can never touch a real Shopify.
/// </summary>
internal sealed partial class SandboxDemo(
    ShopifySimulator simulator,
    IServer server,
    IHostApplicationLifetime lifetime,
    IEmailLookup emailLookup,
    IPasswordHasher passwordHasher,
    TimeProvider time,
    ILogger<SandboxDemo> logger) : BackgroundService
{
    /// <summary>The contract's demo credentials: public by design, and valid only in sandbox mode.</summary>
    public const string Email = "demo@sooperseller.test";

    public const string Passphrase = "sandbox-demo-passphrase-2026";

    public const string ShopDomain = "sooperseller-demo.myshopify.com";

    public const string BusinessName = "Sooper Demo Store";

    public const string OwnerName = "Demo Merchant";

    /// <summary>Setting that turns the demo off (<c>DevHost:SandboxDemo=false</c>); tests keep it off unless they ask.</summary>
    public const string SettingName = "DevHost:SandboxDemo";

    private static readonly TimeSpan SetupWait = TimeSpan.FromMinutes(2);

    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the store id once the demo store is connected (or was already); faults if that failed.</summary>
    public Task<string> Ready => _ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WhenStartedAsync(stoppingToken);
            var clock = Stopwatch.StartNew();
            var storeId = await BootstrapAsync(stoppingToken);
            _ready.TrySetResult(storeId);
            Log.DemoReady(logger, Email, Passphrase, ShopDomain, clock.Elapsed.TotalSeconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _ready.TrySetCanceled(stoppingToken);
        }
#pragma warning disable CA1031 // the demo is a convenience: whatever goes wrong, the DevHost keeps running
        catch (Exception e)
#pragma warning restore CA1031
        {
            _ready.TrySetException(e);
            Log.DemoFailed(logger, e);
        }
    }

    private async Task<string> BootstrapAsync(CancellationToken cancellationToken)
    {
        using var browser = new SandboxDemoBrowser(HttpAddress());
        var session = await browser.TryLoginAsync(Email, Passphrase, cancellationToken) ?? await SignUpAsync(browser, cancellationToken);
        var stores = await browser.GetAsync("api/stores", session, cancellationToken);
        var existing = stores.GetProperty("items").EnumerateArray()
            .FirstOrDefault(s => s.GetProperty("shopDomain").GetString() == ShopDomain && s.GetProperty("status").GetString() == "connected");
        if (existing.ValueKind == JsonValueKind.Object)
        {
            return existing.GetProperty("id").GetString()!;
        }

        await EnsureShopAsync(cancellationToken);
        var storeId = await browser.ConnectStoreAsync(ShopDomain, session, cancellationToken);
        Log.StoreConnected(logger, ShopDomain);
        await WaitForSetUpAsync(browser, session, storeId, cancellationToken);
        return storeId;
    }

    // Sign-up as a person does it: register, open the link from the outbox, verify. The contract's passphrase contains
    // the email's local part ("demo"), which the password policy rightly refuses for real accounts; so the account is
    // registered with a random password, then given the contract's passphrase directly (sandbox only).
    private async Task<DemoSession> SignUpAsync(SandboxDemoBrowser browser, CancellationToken cancellationToken)
    {
        if (!EmailAddress.TryParse(Email, out var email))
        {
            throw new InvalidOperationException("The demo email is not an email address.");
        }

        var credential = await emailLookup.FindAsync(email, cancellationToken);
        if (credential is null)
        {
            // Hex digits only: it cannot contain "demo", "sooper" or "store", nor be a common password.
            var setupPassword = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            await browser.RegisterAsync(OwnerName, Email, setupPassword, BusinessName, cancellationToken);
            await browser.VerifyAsync(Email, TimeSpan.FromSeconds(30), cancellationToken);
            credential = await emailLookup.FindAsync(email, cancellationToken)
                ?? throw new InvalidOperationException("The demo merchant was verified but has no sign-in credential.");
            Log.MerchantCreated(logger, Email);
        }

        await emailLookup.UpdatePasswordHashAsync(credential, passwordHasher.Hash(Passphrase), cancellationToken);
        return await browser.TryLoginAsync(Email, Passphrase, cancellationToken)
            ?? throw new InvalidOperationException("The demo merchant cannot sign in with the contract's passphrase.");
    }

    // The shop's history before the app was installed; seeded once per simulator (a shop that exists is left as it is).
    private async Task EnsureShopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await simulator.GetShopAsync(ShopDomain, cancellationToken);
            return;
        }
        catch (InvalidOperationException)
        {
            // not there yet
        }

        await simulator.CreateShopAsync(ShopDomain, BusinessName, cancellationToken: cancellationToken);
        var seeded = await simulator.SeedAsync(ShopDomain, DemoShopData.Create(time.GetUtcNow()), cancellationToken);
        Log.ShopSeeded(logger, ShopDomain, seeded.Orders.Count, seeded.Products.Count, seeded.Locations.Count);
    }

    // The store's set-up (shop details, webhook subscriptions, locations) runs on a queue after the connection.
    private async Task WaitForSetUpAsync(SandboxDemoBrowser browser, DemoSession session, string storeId, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp(); // the wall clock: a test's frozen TimeProvider would wait forever
        while (true)
        {
            var sync = await browser.GetAsync($"api/stores/{Uri.EscapeDataString(storeId)}/sync", session, cancellationToken);
            var state = sync.GetProperty("state").GetString();
            if (state == "ok")
            {
                return;
            }

            if (state == "failed" || Stopwatch.GetElapsedTime(started) > SetupWait)
            {
                Log.SetUpNotFinished(logger, ShopDomain, state ?? "unknown");
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    private async Task WhenStartedAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = cancellationToken.Register(() => started.TrySetCanceled(cancellationToken));
        await started.Task;
    }

    private Uri HttpAddress()
    {
        var address = server.Features.GetRequiredFeature<IServerAddressesFeature>().Addresses
            .First(a => a.StartsWith("http://", StringComparison.Ordinal));
        return new Uri(address.TrimEnd('/') + "/");
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Information, "Sandbox demo merchant created: {Email}")]
        public static partial void MerchantCreated(ILogger logger, string email);

        [LoggerMessage(LogLevel.Information, "Sandbox demo shop {Shop} seeded in the simulator: {Orders} orders, {Products} products, {Locations} locations")]
        public static partial void ShopSeeded(ILogger logger, string shop, int orders, int products, int locations);

        [LoggerMessage(LogLevel.Information, "Sandbox demo store {Shop} connected through OAuth")]
        public static partial void StoreConnected(ILogger logger, string shop);

        [LoggerMessage(LogLevel.Warning, "Sandbox demo store {Shop}: its set-up has not finished (state {State}); see GET /api/stores")]
        public static partial void SetUpNotFinished(ILogger logger, string shop, string state);

        [LoggerMessage(LogLevel.Information, "Sandbox demo merchant ready after {Seconds:0.0} s: sign in as {Email} with the passphrase {Passphrase} to see the connected store {Shop}")]
        public static partial void DemoReady(ILogger logger, string email, string passphrase, string shop, double seconds);

        [LoggerMessage(LogLevel.Warning, "Sandbox demo merchant could not be set up; the DevHost runs on without it")]
        public static partial void DemoFailed(ILogger logger, Exception exception);
    }
}

/// <summary>Registers the demo: one instance, run as a hosted service and resolvable (tests await <see cref="SandboxDemo.Ready"/>).</summary>
internal static class SandboxDemoServices
{
    public static void Add(IServiceCollection services, ShopifySimulator simulator)
    {
        services.AddSingleton(simulator);
        services.AddSingleton<SandboxDemo>();
        services.AddHostedService(provider => provider.GetRequiredService<SandboxDemo>());
    }
}
