using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SooperSeller.Shopify;

namespace SooperSeller.UnitTests.Shopify;

public class ShopifyDependencyInjectionTests
{
    [Fact]
    public void AddShopify_WithCredentials_ResolvesClientsAndBindsOptions()
    {
        using var provider = Build(new()
        {
            ["Shopify:ApiKey"] = "key",
            ["Shopify:ApiSecret"] = "secret",
            ["Shopify:AdminBaseUrl"] = "http://127.0.0.1:7300/{shop}",
        });

        var options = provider.GetRequiredService<IOptions<ShopifyOptions>>().Value;
        Assert.Equal("2026-10", options.ApiVersion);
        Assert.Equal(new Uri("http://127.0.0.1:7071"), options.AppUrl);
        Assert.Equal(new Uri("http://127.0.0.1:7300/demo.myshopify.com"), options.AdminBase(ShopDomain.Parse("demo.myshopify.com")));
        Assert.NotNull(provider.GetRequiredService<ShopifyAdminClient>());
        Assert.NotNull(provider.GetRequiredService<ShopifyOAuth>());
        Assert.Same(provider.GetRequiredService<ShopifyCostBuckets>(), provider.GetRequiredService<ShopifyCostBuckets>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddShopify_WithoutSecret_FailsValidation()
    {
        using var provider = Build(new() { ["Shopify:ApiKey"] = "key" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ShopifyOptions>>().Value);

        Assert.Contains("ApiSecret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddShopify_AdminBaseUrlNotAUrl_FailsValidation()
    {
        using var provider = Build(new() { ["Shopify:ApiKey"] = "key", ["Shopify:ApiSecret"] = "secret", ["Shopify:AdminBaseUrl"] = "{shop}/admin" });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ShopifyOptions>>().Value);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IShopifyAccessTokens, FakeAccessTokens>();
        services.AddShopify(configuration);
        return services.BuildServiceProvider();
    }
}
