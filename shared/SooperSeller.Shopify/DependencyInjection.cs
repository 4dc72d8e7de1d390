using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SooperSeller.Shopify;

public static class DependencyInjection
{
    /// <summary>
    /// Registers <see cref="ShopifyOptions"/> (section <c>Shopify</c>, validated on start), the typed HttpClients
    /// <see cref="ShopifyOAuth"/> and <see cref="ShopifyAdminClient"/>, the process-wide <see cref="ShopifyCostBuckets"/>
    /// and <see cref="TimeProvider.System"/> unless one is registered. The app must register <see cref="IShopifyAccessTokens"/>.
    /// </summary>
    public static IServiceCollection AddShopify(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ShopifyOptions>()
            .Bind(configuration.GetSection(ShopifyOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.HasValidAdminBaseUrl(), "Shopify:AdminBaseUrl must be an absolute http(s) URL, optionally holding {shop}.")
            .ValidateOnStart();
        services.TryAddSingleton<ShopifyCostBuckets>();

        services.AddHttpClient<ShopifyOAuth>(client => client.Timeout = TimeSpan.FromSeconds(30));
        // Per-attempt timeouts come from the client's retry pipeline (ShopifyOptions.AttemptTimeout); a bulk download may stream for long.
        services.AddHttpClient<ShopifyAdminClient>(client => client.Timeout = Timeout.InfiniteTimeSpan);
        return services;
    }
}
