using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SooperSeller.Core.Orders;
using SooperSeller.Core.Stores;
using SooperSeller.Core.Stores.Webhooks;
using SooperSeller.Core.Tenancy;
using SooperSeller.Shopify;
using SooperSeller.Testing.DevHost;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.Benchmarks.Stores;

/// <summary>
/// Load scenario (not a BenchmarkDotNet benchmark: latency under a fixed arrival rate is what matters for Shopify's
/// 5-second limit, not the mean of a loop). Starts the emulators and a DevHost in this process, connects one shop,
/// then sends signed <c>orders/create</c> deliveries of realistic size to <c>POST /api/webhooks/shopify</c> at a fixed
/// rate, open loop (each request leaves at its scheduled time whether or not earlier ones have answered, so a slow
/// answer cannot hide the ones queued behind it). Bodies and signatures are made before the clock starts. Processing
/// runs at the same time in the same process, as it would on one instance: through a handler that only counts, or with
/// <c>--orders</c> through the real order handler into the Cosmos stand-in, counting its round trips per order.
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project tests/SooperSeller.Benchmarks -- --webhook-load [--rate 200] [--seconds 25] [--payload-kb 7] [--ingest-only | --orders]</c>
/// </remarks>
public static class WebhookLoadScenario
{
    public const string Switch = "--webhook-load";

    public static async Task<int> RunAsync(string[] args)
    {
        var rate = Option(args, "--rate", 200);
        var seconds = Option(args, "--seconds", 25);
        var payloadKb = Option(args, "--payload-kb", 7);
        var warmupSeconds = 3;
        var realOrders = args.Contains("--orders");
        var counter = new CountingHandler();
        var steps = new StepTimings();
        CountingOrders? orders = null;
        Console.WriteLine($"webhook load: {rate} requests/s for {seconds} s (after {warmupSeconds} s warm-up), orders/create bodies of ~{payloadKb} KB; starting emulators and the DevHost...");

        var emulators = await SharedEmulators.GetAsync();
        await using var devHost = await TestDevHost.StartAsync(
            emulators,
            settings: new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Error",
                // --ingest-only: the queue function stays off, to see what ingestion alone costs.
                ["AzureWebJobs.OnShopifyWebhook.Disabled"] = args.Contains("--ingest-only") ? "true" : "false",
            },
            services: services =>
            {
                if (realOrders)
                {
                    // The real handlers, with the order repository counted and the handlers' deliveries counted.
                    StepTimings.Decorate<IOrders>(services, inner => orders = new CountingOrders(inner));
                    StepTimings.Decorate<IShopifyWebhookHandler>(services, inner => inner.Topics.Contains("orders/create") ? counter.Around(inner) : inner);
                }
                else
                {
                    services.RemoveAll<IShopifyWebhookHandler>();
                    services.AddSingleton<IShopifyWebhookHandler>(counter);
                }

                StepTimings.Wrap(services, steps);
            });
        var shop = $"load-{Guid.NewGuid():N}"[..16] + ".myshopify.com";
        await devHost.Services.GetRequiredService<IShopDirectory>().TryClaimAsync(shop, MerchantId.New(), "sto_load", CancellationToken.None);

        var secret = emulators.Shopify.ApiSecret;
        var warmup = Prepare(shop, secret, rate * warmupSeconds, payloadKb, seed: 1);
        var measured = Prepare(shop, secret, rate * seconds, payloadKb, seed: 2);
        Console.WriteLine($"bodies: {measured.Average(r => r.Body.Length) / 1024:F1} KB on average ({measured.Min(r => r.Body.Length)}-{measured.Max(r => r.Body.Length)} bytes)");

        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = devHost.Host.BaseAddress,
            Timeout = TimeSpan.FromSeconds(10),
        };
        var warmed = await FireAsync(client, warmup, rate);

        // The measured run starts from a drained queue: a backlog left by the warm-up (the JIT compiling both paths at
        // once) would otherwise be measured as if the rate had caused it.
        var drainWarmup = Stopwatch.GetTimestamp();
        while (!args.Contains("--ingest-only") && counter.Count < warmed.Count(r => r.Ok) && Stopwatch.GetElapsedTime(drainWarmup) < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(100);
        }

        var processedBefore = counter.Count;
        var roundTripsBefore = orders?.Calls ?? 0;
        steps.Clear();
        var started = Stopwatch.GetTimestamp();
        var results = await FireAsync(client, measured, rate);
        var elapsed = Stopwatch.GetElapsedTime(started);

        var drainStarted = Stopwatch.GetTimestamp();
        while (!args.Contains("--ingest-only") && counter.Count - processedBefore < results.Count(r => r.Ok) && Stopwatch.GetElapsedTime(drainStarted) < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(100);
        }

        var drain = Stopwatch.GetElapsedTime(drainStarted);
        Report(results, elapsed, drain, counter.Count - processedBefore);
        Console.WriteLine(steps.Report());
        if (orders is not null)
        {
            var processed = counter.Count - processedBefore;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"orders: {orders.Calls - roundTripsBefore} Cosmos order round trips for {processed} processed deliveries = {(double)(orders.Calls - roundTripsBefore) / Math.Max(1, processed):F2} per processed order"));
        }
        return results.All(r => r.Ok) ? 0 : 1;
    }

    private static void Report(IReadOnlyList<Result> results, TimeSpan elapsed, TimeSpan drain, long processed)
    {
        var ok = results.Where(r => r.Ok).Select(r => r.Latency.TotalMilliseconds).Order().ToArray();
        var errors = results.Count(r => !r.Ok);
        Console.WriteLine($"sent {results.Count} in {elapsed.TotalSeconds:F1} s: {results.Count / elapsed.TotalSeconds:F1} requests/s offered and answered");
        Console.WriteLine($"200 OK {ok.Length}, errors {errors}" + (errors > 0 ? $" ({string.Join(", ", results.Where(r => !r.Ok).GroupBy(r => r.Error).Select(g => $"{g.Key}: {g.Count()}"))})" : string.Empty));
        if (ok.Length > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"latency ms: p50 {Percentile(ok, 0.50):F1}, p95 {Percentile(ok, 0.95):F1}, p99 {Percentile(ok, 0.99):F1}, max {ok[^1]:F1}, mean {ok.Average():F1}"));
        }

        // The tail by stretch of the run: a p99 that climbs from the first stretch to the last means each request costs
        // more as stored state grows, not that the rate is too high.
        const int Stretches = 5;
        var perStretch = Math.Max(1, results.Count / Stretches);
        var stretches = results.Chunk(perStretch).Take(Stretches)
            .Select(chunk => chunk.Where(r => r.Ok).Select(r => r.Latency.TotalMilliseconds).Order().ToArray())
            .Select(sorted => sorted.Length == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{Percentile(sorted, 0.99):F1}"));
        Console.WriteLine($"p99 ms by fifth of the run: {string.Join(", ", stretches)}");
        Console.WriteLine($"processing: {processed} of {ok.Length} handled; queue drained {drain.TotalSeconds:F1} s after the last request");
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>Sends request i at start + i/rate, without waiting for earlier answers; latency is send to full answer.</summary>
    private static async Task<IReadOnlyList<Result>> FireAsync(HttpClient client, IReadOnlyList<Prepared> requests, int rate)
    {
        var start = Stopwatch.GetTimestamp();
        var inFlight = new List<Task<Result>>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            var wait = due - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            inFlight.Add(SendAsync(client, requests[i]));
        }

        return await Task.WhenAll(inFlight);
    }

    private static async Task<Result> SendAsync(HttpClient client, Prepared prepared)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/shopify") { Content = new ByteArrayContent(prepared.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in prepared.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var sent = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            var latency = Stopwatch.GetElapsedTime(sent);
            return new Result(response.StatusCode == HttpStatusCode.OK, latency, response.StatusCode == HttpStatusCode.OK ? null : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new Result(false, Stopwatch.GetElapsedTime(sent), e.GetType().Name);
        }
    }

    private static List<Prepared> Prepare(string shop, string secret, int count, int payloadKb, int seed)
    {
        var random = new Random(seed);
        var prepared = new List<Prepared>(count);
        for (var i = 0; i < count; i++)
        {
            var body = ShopifyOrderPayloads.Order(random, seed * 1_000_000 + i, payloadKb * 1024);
            prepared.Add(new Prepared(body,
            [
                ("X-Shopify-Topic", "orders/create"),
                ("X-Shopify-Shop-Domain", shop),
                ("X-Shopify-Webhook-Id", Guid.NewGuid().ToString()),
                ("X-Shopify-Event-Id", Guid.NewGuid().ToString()),
                ("X-Shopify-Triggered-At", DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture)),
                ("X-Shopify-API-Version", "2026-10"),
                ("X-Shopify-Hmac-Sha256", ShopifyWebhookSignature.Sign(body, secret)),
            ]));
        }

        return prepared;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
    }

    private sealed record Prepared(byte[] Body, IReadOnlyList<(string Name, string Value)> Headers);

    private sealed record Result(bool Ok, TimeSpan Latency, string? Error);

    /// <summary>
    /// Takes orders/create and only counts (the scenario then measures the pipeline, not a handler), or, wrapped
    /// <see cref="Around"/> the real handler, counts what that handler finished.
    /// </summary>
    private sealed class CountingHandler : IShopifyWebhookHandler
    {
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public IReadOnlyCollection<string> Topics { get; } = ["orders/create"];

        public Task HandleAsync(ShopifyWebhook webhook, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }

        public IShopifyWebhookHandler Around(IShopifyWebhookHandler inner) => new Counted(inner, this);

        private sealed class Counted(IShopifyWebhookHandler inner, CountingHandler counter) : IShopifyWebhookHandler
        {
            public IReadOnlyCollection<string> Topics => inner.Topics;

            public async Task HandleAsync(ShopifyWebhook webhook, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
            {
                await inner.HandleAsync(webhook, payload, cancellationToken);
                if (string.Equals(webhook.Topic, "orders/create", StringComparison.Ordinal))
                {
                    await counter.HandleAsync(webhook, payload, cancellationToken);
                }
            }
        }
    }
}
