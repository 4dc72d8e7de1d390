using System.Text.RegularExpressions;
using SooperSeller.DevHost.Emulators;
using SooperSeller.Shopify;
using SooperSeller.Shopify.Stores;
using Tomlyn;
using Tomlyn.Model;

namespace SooperSeller.UnitTests.Infra;

/// <summary>
/// infra/shopify/shopify.app*.toml, the Shopify app configuration per environment: the compliance topics (which cannot
/// be subscribed through the API) go to our webhook route, the scopes are what the code asks for, and the URLs follow
/// the environment's shopifyAppUrl in infra/environments/*.bicepparam.
/// </summary>
public sealed partial class ShopifyAppTomlTests
{
    public static TheoryData<string, string> Environments => new()
    {
        { "shopify.app.toml", "prod" },
        { "shopify.app.staging.toml", "staging" },
        { "shopify.app.dev.toml", "dev" },
    };

    [Theory]
    [MemberData(nameof(Environments))]
    public void AppToml_DeclaresComplianceTopicsScopesAndUrlsOfItsEnvironment(string file, string environment)
    {
        var toml = TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(Path.Combine(RepositoryLayout.Root, "infra", "shopify", file)))!;
        var appUrl = AppUrlOf(environment);

        var subscriptions = (TomlTableArray)((TomlTable)toml["webhooks"])["subscriptions"];
        var compliance = subscriptions.Single(s => s.ContainsKey("compliance_topics"));
        Assert.Equal(["customers/data_request", "customers/redact", "shop/redact"], ((TomlArray)compliance["compliance_topics"]).Select(t => (string)t!).Order(StringComparer.Ordinal));
        Assert.Equal($"{appUrl}/{ShopifyStoreGateway.WebhookPath}", compliance["uri"]);
        Assert.Equal(ShopifyScopes.Required.Order(StringComparer.Ordinal), ((string)((TomlTable)toml["access_scopes"])["scopes"]).Split(',').Order(StringComparer.Ordinal));
        Assert.Equal([$"{appUrl}/{ShopifyStoreGateway.CallbackPath}"], ((TomlArray)((TomlTable)toml["auth"])["redirect_urls"]).Select(u => (string)u!));
        Assert.Equal($"{appUrl}/api/shopify/install", toml["application_url"]);
        Assert.Equal("2026-10", ((TomlTable)toml["webhooks"])["api_version"]);
    }

    private static string AppUrlOf(string environment)
    {
        var bicepParams = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "infra", "environments", environment + ".bicepparam"));
        return AppUrlParam().Match(bicepParams) is { Success: true } match ? match.Groups[1].Value.TrimEnd('/') : throw new InvalidOperationException($"{environment}.bicepparam sets no shopifyAppUrl");
    }

    [GeneratedRegex(@"param shopifyAppUrl = '([^']+)'")]
    private static partial Regex AppUrlParam();
}
