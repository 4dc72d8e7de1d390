using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Tenancy;
using SooperSeller.DevHost.Hosting;
using SooperSeller.Functions;
using SooperSeller.Functions.Http;
using SooperSeller.Functions.Http.Auth;

namespace SooperSeller.UnitTests.Functions.Http.Auth;

public class RequestAuthenticatorTests
{
    private const string Token = "token-of-a-live-session";
    private const string Csrf = "csrf-of-that-session";
    private const string ShopifySecret = "shopify-secret-now";
    private const string PreviousShopifySecret = "shopify-secret-before";
    private static readonly byte[] WebhookBody = System.Text.Encoding.UTF8.GetBytes("""{"id":820982911946154500,"note":"ÿ"}""");
    private static readonly MerchantId Merchant = MerchantId.New();
    private readonly FakeSessions _sessions = new();
    private readonly FakeStaffSessions _staffSessions = new();

    public RequestAuthenticatorTests() =>
        _sessions.Live[Token] = new ActiveSession("ses_1", new SessionSubject("usr_1", Merchant, Role.Operator), Csrf, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue);

    private RequestAuthenticator Authenticator => new(_sessions, _staffSessions, Options.Create(new FrontendOptions { Origins = "https://app.sooperseller.pk, http://localhost:5173" }), Options.Create(new SooperSeller.Shopify.ShopifyOptions { ApiSecret = ShopifySecret, PreviousApiSecret = PreviousShopifySecret }));

    [Fact]
    public void EveryHttpFunctionOfTheApp_DeclaresExactlyOneAuthenticationKind()
    {
        var functions = FunctionCatalog.Discover([typeof(FunctionsAppServices).Assembly]).Http;

        var undeclared = functions.Where(f => f.Method.GetCustomAttributes<AuthenticationKindAttribute>().Count() != 1).Select(f => f.Name).ToList();

        Assert.NotEmpty(functions);
        Assert.Empty(undeclared);
    }

    [Fact]
    public async Task Session_Get_WithValidCookie_SetsTheCallerFromTheSession()
    {
        var context = Request("GET", cookie: Token);

        await Authenticator.AuthenticateAsync(context, Method(nameof(Samples.ReadSomething)));

        var caller = context.Features.Get<Caller>();
        Assert.NotNull(caller);
        Assert.Equal(Merchant, caller.MerchantId);
        Assert.Equal("usr_1", caller.UserId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("expired-or-revoked")]
    public async Task Session_WithoutLiveSession_Is401(string? cookie)
    {
        var context = Request("GET", cookie: cookie);

        await Assert.ThrowsAsync<UnauthenticatedException>(() => Authenticator.AuthenticateAsync(context, Method(nameof(Samples.ReadSomething))));
        Assert.Null(context.Features.Get<Caller>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong")]
    [InlineData("csrf-of-that-sessioN")]
    public async Task Session_StateChangeWithoutTheSessionsCsrfToken_Is403(string? csrf)
    {
        var context = Request("POST", cookie: Token, csrf: csrf);

        await Assert.ThrowsAsync<ForbiddenException>(() => Authenticator.AuthenticateAsync(context, Method(nameof(Samples.ChangeSomething))));
    }

    [Fact]
    public async Task Session_StateChangeWithTheCsrfToken_Passes()
    {
        var context = Request("DELETE", cookie: Token, csrf: Csrf);

        await Authenticator.AuthenticateAsync(context, Method(nameof(Samples.ChangeSomething)));

        Assert.NotNull(context.Features.Get<Caller>());
    }

    [Fact]
    public async Task Session_PermissionTheRoleLacks_Is403()
    {
        var context = Request("GET", cookie: Token);

        await Assert.ThrowsAsync<ForbiddenException>(() => Authenticator.AuthenticateAsync(context, Method(nameof(Samples.ManageUsers))));
    }

    [Theory]
    [InlineData("same-origin", null)]
    [InlineData("same-site", null)]
    [InlineData("none", null)]
    [InlineData(null, "http://localhost:5173")]
    [InlineData("cross-site", "https://app.sooperseller.pk")]
    public async Task Anonymous_StateChangeFromOurFrontEnd_Passes(string? fetchSite, string? origin)
    {
        var context = Request("POST", fetchSite: fetchSite, origin: origin);

        await Authenticator.AuthenticateAsync(context, Method(nameof(Samples.SignUp)));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("cross-site", null)]
    [InlineData("cross-site", "https://evil.example")]
    [InlineData(null, "https://app.sooperseller.pk.evil.example")]
    public async Task Anonymous_StateChangeFromElsewhere_Is403(string? fetchSite, string? origin)
    {
        var context = Request("POST", fetchSite: fetchSite, origin: origin);

        await Assert.ThrowsAsync<ForbiddenException>(() => Authenticator.AuthenticateAsync(context, Method(nameof(Samples.SignUp))));
    }

    [Fact]
    public async Task Anonymous_ReadFromElsewhere_Passes()
    {
        var context = Request("GET", fetchSite: "cross-site", origin: "https://evil.example");

        await Authenticator.AuthenticateAsync(context, Method(nameof(Samples.Health)));
    }

    [Fact]
    public async Task FunctionWithoutAKind_IsRefused()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Authenticator.AuthenticateAsync(Request("GET"), Method(nameof(Samples.Undeclared))));
    }

    [Fact]
    public async Task PlatformStaff_MerchantSessionCookieOnly_Is401()
    {
        var context = Request("GET", cookie: Token);

        await Assert.ThrowsAsync<UnauthenticatedException>(() => Authenticator.AuthenticateAsync(context, Method(nameof(Samples.StaffRead))));
        Assert.Null(context.Features.Get<StaffCaller>());
    }

    [Fact]
    public async Task PlatformStaff_Get_WithStaffCookie_SetsStaffCallerAndNoMerchantCaller()
    {
        _staffSessions.Live[Token] = new SooperSeller.Core.Staff.ActiveStaffSession("sss_1", "stf_1", Csrf, DateTimeOffset.MaxValue);
        var context = StaffRequest("GET", csrf: null);

        await Authenticator.AuthenticateAsync(context, Method(nameof(Samples.StaffRead)));

        Assert.Equal("stf_1", context.Features.Get<StaffCaller>()?.StaffId);
        Assert.Null(context.Features.Get<Caller>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-csrf-token")]
    public async Task PlatformStaff_Post_WithoutMatchingCsrf_Is403(string? csrf)
    {
        _staffSessions.Live[Token] = new SooperSeller.Core.Staff.ActiveStaffSession("sss_1", "stf_1", Csrf, DateTimeOffset.MaxValue);
        var context = StaffRequest("POST", csrf);

        await Assert.ThrowsAsync<ForbiddenException>(() => Authenticator.AuthenticateAsync(context, Method(nameof(Samples.StaffRead))));
    }

    [Theory]
    [InlineData(ShopifySecret, "X-Shopify-Hmac-Sha256")]
    [InlineData(PreviousShopifySecret, "x-shopify-hmac-sha256")]
    [InlineData(ShopifySecret, "Shopify-Hmac-SHA256")]
    public async Task ShopifyHmac_SignedWithEitherSecret_HandsTheVerifiedRawBytesToTheFunction(string secret, string header)
    {
        var context = ShopifyRequest(WebhookBody, header, SooperSeller.Shopify.ShopifyWebhookSignature.Sign(WebhookBody, secret));

        await Authenticator.AuthenticateAsync(context, Method(nameof(Samples.Webhook)));

        Assert.Equal(WebhookBody, context.Request.GetShopifySignedBody().Bytes.ToArray());
        Assert.Null(context.Features.Get<Caller>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public async Task ShopifyHmac_MissingOrMalformedSignature_Is401(string? signature)
    {
        var context = ShopifyRequest(WebhookBody, ShopifySignedBody.SignatureHeader, signature);

        await Assert.ThrowsAsync<UnauthenticatedException>(() => Authenticator.AuthenticateAsync(context, Method(nameof(Samples.Webhook))));
        Assert.Null(context.Features.Get<ShopifySignedBody>());
    }

    [Fact]
    public async Task ShopifyHmac_TamperedBodyOrUnknownSecret_Is401_EvenWithASessionCookie()
    {
        var tampered = WebhookBody.ToArray();
        tampered[^3] ^= 1;
        var forged = ShopifyRequest(tampered, ShopifySignedBody.SignatureHeader, SooperSeller.Shopify.ShopifyWebhookSignature.Sign(WebhookBody, ShopifySecret));
        forged.Request.Headers.Cookie = $"{SessionCookie.Name}={Token}";
        var wrongSecret = ShopifyRequest(WebhookBody, ShopifySignedBody.SignatureHeader, SooperSeller.Shopify.ShopifyWebhookSignature.Sign(WebhookBody, "someone-elses-secret"));

        await Assert.ThrowsAsync<UnauthenticatedException>(() => Authenticator.AuthenticateAsync(forged, Method(nameof(Samples.Webhook))));
        await Assert.ThrowsAsync<UnauthenticatedException>(() => Authenticator.AuthenticateAsync(wrongSecret, Method(nameof(Samples.Webhook))));
    }

    [Fact]
    public async Task ShopifyHmac_ChunkedBodyWithoutLength_IsReadWholeAndVerified()
    {
        var large = System.Text.Encoding.UTF8.GetBytes("{\"items\":[" + string.Join(',', Enumerable.Repeat("\"line item\"", 5000)) + "]}");
        var context = ShopifyRequest(large, ShopifySignedBody.SignatureHeader, SooperSeller.Shopify.ShopifyWebhookSignature.Sign(large, ShopifySecret));
        context.Request.ContentLength = null;

        await Authenticator.AuthenticateAsync(context, Method(nameof(Samples.Webhook)));

        Assert.Equal(large, context.Request.GetShopifySignedBody().Bytes.ToArray());
    }

    [Fact]
    public void UsageRecording_SkipsShopifyDeliveriesOnly()
    {
        Assert.False(UsageRecording.RecordsUsage(Method(nameof(Samples.Webhook))));
        Assert.True(UsageRecording.RecordsUsage(Method(nameof(Samples.SignUp))));
        Assert.True(UsageRecording.RecordsUsage(Method(nameof(Samples.ReadSomething))));
    }

    private static DefaultHttpContext ShopifyRequest(byte[] body, string header, string? signature)
    {
        var context = Request("POST");
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = body.Length;
        if (signature is not null)
        {
            context.Request.Headers[header] = signature;
        }

        return context;
    }

    private static DefaultHttpContext StaffRequest(string method, string? csrf)
    {
        var context = Request(method, csrf: csrf);
        context.Request.Headers.Cookie = $"{StaffSessionCookie.Name}={Token}";
        return context;
    }

    private static MethodInfo Method(string name) => typeof(Samples).GetMethod(name)!;

    private static DefaultHttpContext Request(string method, string? cookie = null, string? csrf = null, string? fetchSite = null, string? origin = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        if (cookie is not null)
        {
            context.Request.Headers.Cookie = $"{SessionCookie.Name}={cookie}";
        }

        if (csrf is not null)
        {
            context.Request.Headers[RequestAuthenticator.CsrfHeader] = csrf;
        }

        if (fetchSite is not null)
        {
            context.Request.Headers["Sec-Fetch-Site"] = fetchSite;
        }

        if (origin is not null)
        {
            context.Request.Headers.Origin = origin;
        }

        return context;
    }

    public static class Samples
    {
        [Session]
        public static void ReadSomething()
        {
        }

        [Session]
        public static void ChangeSomething()
        {
        }

        [Session(Permission.ManageUsers)]
        public static void ManageUsers()
        {
        }

        [Anonymous]
        public static void SignUp()
        {
        }

        [Anonymous]
        public static void Health()
        {
        }

        public static void Undeclared()
        {
        }

        [PlatformStaff]
        public static void StaffRead()
        {
        }

        [ShopifyHmac]
        public static void Webhook()
        {
        }
    }

    private sealed class FakeStaffSessions : SooperSeller.Core.Staff.IStaffSessionStore
    {
        public Dictionary<string, SooperSeller.Core.Staff.ActiveStaffSession> Live { get; } = [];

        public Task<NewSession> CreateAsync(string staffId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<SooperSeller.Core.Staff.ActiveStaffSession?> ValidateAsync(string token, CancellationToken cancellationToken) => Task.FromResult(Live.GetValueOrDefault(token));

        public Task RevokeAsync(string token, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class FakeSessions : ISessionStore
    {
        public Dictionary<string, ActiveSession> Live { get; } = [];

        public Task<NewSession> CreateAsync(SessionSubject subject, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ActiveSession?> ValidateAsync(string token, CancellationToken cancellationToken) => Task.FromResult(Live.GetValueOrDefault(token));

        public Task RevokeAsync(string token, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<int> RevokeAllAsync(string userId, string? exceptSessionId, CancellationToken cancellationToken) => Task.FromResult(0);

        public Task<int> RevokeForMerchantAsync(string userId, MerchantId merchantId, CancellationToken cancellationToken) => Task.FromResult(0);

        public Task<IReadOnlyList<SessionSummary>> ListAsync(string userId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<SessionSummary>>([]);

        public Task<bool> RevokeAsync(string userId, string sessionId, CancellationToken cancellationToken) => Task.FromResult(false);
    }
}
