using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SooperSeller.Core.Stores;
using SooperSeller.Core.Stores.Webhooks;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.Benchmarks.Stores;

/// <summary>
/// Times each storage step of webhook ingestion and processing (shop routing, de-duplication read and record, claim-check
/// save, read and delete, enqueue) by wrapping the DevHost's own implementations, so the load scenario can say which
/// step a slow request spent its time in.
/// </summary>
internal sealed class StepTimings
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<double>> _steps = new(StringComparer.Ordinal);

    public static void Wrap(IServiceCollection services, StepTimings timings)
    {
        Decorate<IShopDirectory>(services, inner => new TimedDirectory(inner, timings));
        Decorate<IWebhookEventLog>(services, inner => new TimedEvents(inner, timings));
        Decorate<IWebhookClaimChecks>(services, inner => new TimedClaimChecks(inner, timings));
        Decorate<IShopifyWebhookInbox>(services, inner => new TimedInbox(inner, timings));
    }

    public void Clear() => _steps.Clear();

    public string Report() =>
        "storage steps, ms (count: p50 / p99 / max): " + string.Join("; ", _steps.OrderBy(s => s.Key, StringComparer.Ordinal).Select(step =>
        {
            var sorted = step.Value.Order().ToArray();
            return sorted.Length == 0 ? $"{step.Key} -" : string.Create(CultureInfo.InvariantCulture, $"{step.Key} {sorted.Length}: {At(sorted, 0.5):F1} / {At(sorted, 0.99):F1} / {sorted[^1]:F1}");
        }));

    private static double At(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private async Task<T> TimeAsync<T>(string step, Task<T> work)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await work;
        _steps.GetOrAdd(step, _ => new ConcurrentQueue<double>()).Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    private async Task TimeAsync(string step, Task work) => await TimeAsync(step, Finish(work));

    private static async Task<bool> Finish(Task work)
    {
        await work;
        return true;
    }

    /// <summary>Wraps every registration of <typeparamref name="TService"/> in place (their order is kept).</summary>
    public static void Decorate<TService>(IServiceCollection services, Func<TService, TService> wrap)
        where TService : class
    {
        for (var i = 0; i < services.Count; i++)
        {
            var registered = services[i];
            if (registered.ServiceType == typeof(TService) && !registered.IsKeyedService)
            {
                services[i] = ServiceDescriptor.Describe(typeof(TService), provider => wrap((TService)Create(provider, registered)), registered.Lifetime);
            }
        }
    }

    private static object Create(IServiceProvider provider, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(provider)
        ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!);

    private sealed class TimedDirectory(IShopDirectory inner, StepTimings timings) : IShopDirectory
    {
        public Task<ShopEntry?> FindAsync(string shopDomain, CancellationToken cancellationToken) => inner.FindAsync(shopDomain, cancellationToken);

        public Task<ShopEntry?> RouteAsync(string shopDomain, CancellationToken cancellationToken) => timings.TimeAsync("route", inner.RouteAsync(shopDomain, cancellationToken));

        public Task<bool> TryClaimAsync(string shopDomain, MerchantId merchantId, string storeId, CancellationToken cancellationToken) => inner.TryClaimAsync(shopDomain, merchantId, storeId, cancellationToken);

        public Task MarkDisconnectedAsync(string shopDomain, MerchantId merchantId, CancellationToken cancellationToken) => inner.MarkDisconnectedAsync(shopDomain, merchantId, cancellationToken);

        public IAsyncEnumerable<ShopEntry> ListConnectedAcrossMerchantsAsync(CancellationToken cancellationToken) => inner.ListConnectedAcrossMerchantsAsync(cancellationToken);
    }

    private sealed class TimedEvents(IWebhookEventLog inner, StepTimings timings) : IWebhookEventLog
    {
        public Task<bool> SeenAsync(MerchantId merchantId, string topic, string eventId, CancellationToken cancellationToken) => timings.TimeAsync("dedupe-read", inner.SeenAsync(merchantId, topic, eventId, cancellationToken));

        public Task RecordAsync(MerchantId merchantId, string topic, string eventId, string webhookId, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
            timings.TimeAsync("dedupe-record", inner.RecordAsync(merchantId, topic, eventId, webhookId, expiresAt, cancellationToken));
    }

    private sealed class TimedClaimChecks(IWebhookClaimChecks inner, StepTimings timings) : IWebhookClaimChecks
    {
        public Task SaveAsync(MerchantId merchantId, string name, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) => timings.TimeAsync("blob-save", inner.SaveAsync(merchantId, name, payload, cancellationToken));

        public Task<ReadOnlyMemory<byte>?> ReadAsync(MerchantId merchantId, string name, CancellationToken cancellationToken) => timings.TimeAsync("blob-read", inner.ReadAsync(merchantId, name, cancellationToken));

        public Task DeleteAsync(MerchantId merchantId, string name, CancellationToken cancellationToken) => timings.TimeAsync("blob-delete", inner.DeleteAsync(merchantId, name, cancellationToken));
    }

    private sealed class TimedInbox(IShopifyWebhookInbox inner, StepTimings timings) : IShopifyWebhookInbox
    {
        public Task EnqueueAsync(ShopifyWebhookMessage message, CancellationToken cancellationToken) => timings.TimeAsync("enqueue", inner.EnqueueAsync(message, cancellationToken));
    }
}
