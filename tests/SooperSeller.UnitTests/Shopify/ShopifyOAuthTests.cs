using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SooperSeller.Shopify;

namespace SooperSeller.UnitTests.Shopify;

public class ShopifyOAuthTests
{
    private readonly FakeTimeProvider _time = ShopifyTestKit.Clock();

    private long Now => _time.GetUtcNow().ToUnixTimeSeconds();

    [Fact]
    public void VerifySignedQuery_SignedInstallQuery_ValidWithShop()
    {
        var query = Signed(("shop", "Sooperseller-Demo.myshopify.com"), ("timestamp", Stamp(Now)), ("host", "YWRtaW4uc2hvcGlmeS5jb20vc3RvcmUvZGVtbw"));

        var check = OAuth().VerifySignedQuery(query);

        Assert.True(check.IsValid);
        Assert.Equal("sooperseller-demo.myshopify.com", check.Shop!.Value);
    }

    [Fact]
    public void VerifySignedQuery_SignedWithPreviousSecret_Valid()
    {
        var query = Signed(ShopifyTestKit.PreviousSecret, ("shop", "demo.myshopify.com"), ("timestamp", Stamp(Now)));

        Assert.True(OAuth().VerifySignedQuery(query).IsValid);
    }

    [Fact]
    public void VerifySignedQuery_ShopChangedAfterSigning_BadSignature()
    {
        var query = Signed(("shop", "demo.myshopify.com"), ("timestamp", Stamp(Now)))
            .Select(p => p.Key == "shop" ? new KeyValuePair<string, string?>("shop", "victim.myshopify.com") : p);

        Assert.Equal(SignedQueryFailure.BadSignature, OAuth().VerifySignedQuery(query).Failure);
    }

    [Fact]
    public void VerifySignedQuery_NoHmac_MissingHmac()
    {
        var query = new Dictionary<string, string?> { ["shop"] = "demo.myshopify.com", ["timestamp"] = Stamp(Now) };

        Assert.Equal(SignedQueryFailure.MissingHmac, OAuth().VerifySignedQuery(query).Failure);
    }

    [Theory]
    [InlineData("zz-not-hex")]
    [InlineData("00")]
    public void VerifySignedQuery_MalformedHmac_BadSignature(string hmac)
    {
        var query = new Dictionary<string, string?> { ["shop"] = "demo.myshopify.com", ["timestamp"] = Stamp(Now), ["hmac"] = hmac };

        Assert.Equal(SignedQueryFailure.BadSignature, OAuth().VerifySignedQuery(query).Failure);
    }

    [Theory]
    [InlineData(-91)]
    [InlineData(91)]
    [InlineData(-86_400)]
    public void VerifySignedQuery_TimestampFurtherThan90Seconds_Stale(int offsetSeconds)
    {
        var query = Signed(("shop", "demo.myshopify.com"), ("timestamp", Stamp(Now + offsetSeconds)));

        Assert.Equal(SignedQueryFailure.StaleTimestamp, OAuth().VerifySignedQuery(query).Failure);
    }

    [Theory]
    [InlineData(-89)]
    [InlineData(89)]
    public void VerifySignedQuery_TimestampWithin90Seconds_Valid(int offsetSeconds)
    {
        var query = Signed(("shop", "demo.myshopify.com"), ("timestamp", Stamp(Now + offsetSeconds)));

        Assert.True(OAuth().VerifySignedQuery(query).IsValid);
    }

    [Fact]
    public void VerifySignedQuery_NoTimestamp_Stale()
    {
        var query = Signed(("shop", "demo.myshopify.com"));

        Assert.Equal(SignedQueryFailure.StaleTimestamp, OAuth().VerifySignedQuery(query).Failure);
    }

    [Theory]
    [InlineData("evil.com")]
    [InlineData("a.myshopify.com.evil.com")]
    [InlineData("")]
    public void VerifySignedQuery_CorrectlySignedForeignDomain_InvalidShop(string shop)
    {
        var query = Signed(("shop", shop), ("timestamp", Stamp(Now)));

        var check = OAuth().VerifySignedQuery(query);

        Assert.Equal(SignedQueryFailure.InvalidShop, check.Failure);
        Assert.Null(check.Shop);
    }

    [Fact]
    public void VerifySignedQuery_RepeatedParameter_BadSignature()
    {
        var query = Signed(("shop", "demo.myshopify.com"), ("timestamp", Stamp(Now))).Append(new("shop", "other.myshopify.com"));

        Assert.Equal(SignedQueryFailure.BadSignature, OAuth().VerifySignedQuery(query).Failure);
    }

    [Fact]
    public void VerifySignedQuery_CallbackSignedIncludingSignatureParameter_IgnoresSignatureLikeShopify()
    {
        var query = Signed(("code", "0907a61c0c8d55e99db179b68161bc00"), ("shop", "demo.myshopify.com"), ("state", "nonce 1+2"), ("timestamp", Stamp(Now)))
            .Append(new("signature", "legacy-app-proxy-signature"));

        Assert.True(OAuth().VerifySignedQuery(query).IsValid);
    }

    [Fact]
    public void CanonicalMessage_SortsAndEncodesLikeUrlSearchParamsWithSpaceAsPercent20()
    {
        var message = ShopifyQuerySigning.CanonicalMessage(new Dictionary<string, string?>
        {
            ["timestamp"] = "1337178173",
            ["state"] = "a b+c&d=é",
            ["hmac"] = "ignored",
            ["code"] = "x*y-z._~",
        });

        Assert.Equal("code=x*y-z._%7E&state=a%20b%2Bc%26d%3D%C3%A9&timestamp=1337178173", message);
    }

    [Fact]
    public void AuthorizeUrl_OfflineAccess_NamesClientScopesRedirectAndStateWithoutGrantOptions()
    {
        var url = OAuth().AuthorizeUrl(ShopifyTestKit.Shop, ["read_orders", "write_orders"], new Uri("http://127.0.0.1:7071/api/shopify/callback"), "nonce-123");

        Assert.Equal("https://sooperseller-demo.myshopify.com/admin/oauth/authorize", url.GetLeftPart(UriPartial.Path));
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        Assert.Equal("test-api-key", query["client_id"]);
        Assert.Equal("read_orders,write_orders", query["scope"]);
        Assert.Equal("http://127.0.0.1:7071/api/shopify/callback", query["redirect_uri"]);
        Assert.Equal("nonce-123", query["state"]);
        Assert.DoesNotContain("grant_options", url.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public void AuthorizeUrl_AdminBaseUrlTemplate_PointsAtTheSimulator()
    {
        var oauth = OAuth(options: ShopifyTestKit.Options(o => o.AdminBaseUrl = "http://127.0.0.1:7300/{shop}/"));

        var url = oauth.AuthorizeUrl(ShopifyTestKit.Shop, ["read_orders"], new Uri("http://127.0.0.1:7071/api/shopify/callback"), "s");

        Assert.Equal("http://127.0.0.1:7300/sooperseller-demo.myshopify.com/admin/oauth/authorize", url.GetLeftPart(UriPartial.Path));
    }

    [Fact]
    public async Task ExchangeCodeAsync_ExpiringOfflineToken_PostsCodeAndReadsTokenSet()
    {
        var handler = new FakeShopifyHandler(_ => FakeShopifyHandler.Json(
            """{"access_token":"shpat_new","scope":"write_orders,read_customers","expires_in":3599,"refresh_token":"shprt_new","refresh_token_expires_in":7776000}"""));

        var tokens = await OAuth(handler).ExchangeCodeAsync(ShopifyTestKit.Shop, "auth-code-1", CancellationToken.None);

        var sent = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("https://sooperseller-demo.myshopify.com/admin/oauth/access_token", sent.Uri.AbsoluteUri);
        Assert.Equal("test-api-key", sent.Json.GetProperty("client_id").GetString());
        Assert.Equal(ShopifyTestKit.Secret, sent.Json.GetProperty("client_secret").GetString());
        Assert.Equal("auth-code-1", sent.Json.GetProperty("code").GetString());
        Assert.Equal(1, sent.Json.GetProperty("expiring").GetInt32());
        Assert.Equal("shpat_new", tokens.AccessToken);
        Assert.Equal(_time.GetUtcNow().AddSeconds(3599), tokens.ExpiresAt);
        Assert.Equal("shprt_new", tokens.RefreshToken);
        Assert.Equal(_time.GetUtcNow().AddSeconds(7776000), tokens.RefreshTokenExpiresAt);
        Assert.Equal(["write_orders", "read_customers"], tokens.Scopes);
        Assert.DoesNotContain("shpat_new", tokens.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshAsync_RefreshToken_PostsRefreshGrant()
    {
        var handler = new FakeShopifyHandler(_ => FakeShopifyHandler.Json(
            """{"access_token":"shpat_2","scope":"write_orders","expires_in":3599,"refresh_token":"shprt_2","refresh_token_expires_in":7776000}"""));

        var tokens = await OAuth(handler).RefreshAsync(ShopifyTestKit.Shop, "shprt_1", CancellationToken.None);

        var sent = Assert.Single(handler.Requests).Json;
        Assert.Equal("refresh_token", sent.GetProperty("grant_type").GetString());
        Assert.Equal("shprt_1", sent.GetProperty("refresh_token").GetString());
        Assert.False(sent.TryGetProperty("code", out _));
        Assert.Equal(("shpat_2", "shprt_2"), (tokens.AccessToken, tokens.RefreshToken));
    }

    [Fact]
    public async Task RefreshAsync_ShopifyRefuses_OAuthExceptionWithoutSecrets()
    {
        var handler = new FakeShopifyHandler(_ => FakeShopifyHandler.Json(
            """{"error":"invalid_grant","error_description":"refresh token shprt_1 is expired"}""", HttpStatusCode.BadRequest));

        var error = await Assert.ThrowsAsync<ShopifyOAuthException>(() => OAuth(handler).RefreshAsync(ShopifyTestKit.Shop, "shprt_1", CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("invalid_grant", error.ErrorCode);
        Assert.DoesNotContain("shprt_1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ShopifyTestKit.Secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExchangeCodeAsync_NoAccessTokenInAnswer_OAuthException()
    {
        var handler = new FakeShopifyHandler(_ => FakeShopifyHandler.Json("""{"scope":"write_orders"}"""));

        await Assert.ThrowsAsync<ShopifyOAuthException>(() => OAuth(handler).ExchangeCodeAsync(ShopifyTestKit.Shop, "c", CancellationToken.None));
    }

    private ShopifyOAuth OAuth(FakeShopifyHandler? handler = null, ShopifyOptions? options = null) =>
        new(new HttpClient(handler ?? new FakeShopifyHandler(_ => new HttpResponseMessage(HttpStatusCode.NotFound))),
            Options.Create(options ?? ShopifyTestKit.Options()),
            _time);

    private static string Stamp(long seconds) => seconds.ToString(CultureInfo.InvariantCulture);

    private static List<KeyValuePair<string, string?>> Signed(params (string Key, string Value)[] parameters) =>
        Signed(ShopifyTestKit.Secret, parameters);

    // Signs independently of the code under test: sorted, form-encoded with %20, hex HMAC-SHA256.
    private static List<KeyValuePair<string, string?>> Signed(string secret, params (string Key, string Value)[] parameters)
    {
        var message = string.Join('&', parameters.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value).Replace("~", "%7E", StringComparison.Ordinal).Replace("!", "%21", StringComparison.Ordinal)}"));
        var hmac = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(message)));
        return parameters.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)).Append(new("hmac", hmac)).ToList();
    }
}
