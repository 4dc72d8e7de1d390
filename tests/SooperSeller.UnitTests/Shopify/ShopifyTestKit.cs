using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SooperSeller.Shopify;

namespace SooperSeller.UnitTests.Shopify;

internal static class ShopifyTestKit
{
    public const string Secret = "test-app-secret";
    public const string PreviousSecret = "test-app-secret-before-rotation";

    public static ShopDomain Shop { get; } = ShopDomain.Parse("sooperseller-demo.myshopify.com");

    public static ShopifyOptions Options(Action<ShopifyOptions>? configure = null)
    {
        var options = new ShopifyOptions { ApiKey = "test-api-key", ApiSecret = Secret, PreviousApiSecret = PreviousSecret };
        configure?.Invoke(options);
        return options;
    }

    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));

    public static ShopifyAdminClient Client(
        FakeShopifyHandler handler, FakeTimeProvider time, IShopifyAccessTokens? tokens = null, ShopifyOptions? options = null, ShopifyCostBuckets? buckets = null) =>
        new(
            new HttpClient(handler),
            tokens ?? new FakeAccessTokens(),
            Microsoft.Extensions.Options.Options.Create(options ?? Options()),
            buckets ?? new ShopifyCostBuckets(time),
            time,
            NullLogger<ShopifyAdminClient>.Instance);

    /// <summary>
    /// Moves fake time forward in small steps until <paramref name="task"/> finishes, so backoff and throttle waits
    /// pass instantly; real time is only used to let continuations run, never measured.
    /// </summary>
    public static async Task<T> DriveAsync<T>(FakeTimeProvider time, Task<T> task, TimeSpan? step = null)
    {
        await AdvanceUntilAsync(time, task, step);
        return await task;
    }

    public static async Task DriveAsync(FakeTimeProvider time, Task task, TimeSpan? step = null)
    {
        await AdvanceUntilAsync(time, task, step);
        await task;
    }

    private static async Task AdvanceUntilAsync(FakeTimeProvider time, Task task, TimeSpan? step)
    {
        for (var i = 0; i < 20_000 && !task.IsCompleted; i++)
        {
            await Task.Delay(1);
            if (!task.IsCompleted)
            {
                time.Advance(step ?? TimeSpan.FromMilliseconds(100));
            }
        }

        Assert.True(task.IsCompleted, "The operation did not finish within the fake-time budget.");
    }

    /// <summary>A GraphQL response body with Shopify's cost extension.</summary>
    public static string Response(string dataJson, double requested = 3, double available = 1990, double maximum = 2000, double restoreRate = 100) =>
        """{"data":""" + dataJson + ""","extensions":{"cost":{"requestedQueryCost":""" + N(requested) + ""","actualQueryCost":""" + N(requested)
        + ""","throttleStatus":{"maximumAvailable":""" + N(maximum) + ""","currentlyAvailable":""" + N(available) + ""","restoreRate":""" + N(restoreRate) + "}}}}";

    public static string N(double value) => value.ToString(CultureInfo.InvariantCulture);

    public const string ShopData =
        """{"shop":{"id":"gid://shopify/Shop/1","name":"Demo","email":"owner@example.pk","myshopifyDomain":"sooperseller-demo.myshopify.com","currencyCode":"PKR","ianaTimezone":"Asia/Karachi"},"currentAppInstallation":{"accessScopes":[{"handle":"write_orders"},{"handle":"read_customers"}]}}""";
}
