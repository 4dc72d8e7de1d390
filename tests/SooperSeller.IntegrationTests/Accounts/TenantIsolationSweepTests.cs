using System.Net;
using System.Reflection;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.DevHost.Hosting;
using SooperSeller.Functions;
using SooperSeller.Testing.DevHost;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Accounts;

/// <summary>
/// The tenant-isolation sweep: every HTTP function of the app, called as merchant A about merchant B's resources,
/// never reaches them. Each function must declare its authentication kind and have a sample below; a new function
/// without one fails this test until someone writes down how to reach another merchant's data through it.
/// </summary>
public sealed class TenantIsolationSweepTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>
{
    /// <summary>
    /// One request per function, aimed at merchant B: placeholders {merchantB}, {userB}, {emailB}, {sessionB} are filled in.
    /// <c>OfB</c> marks a request naming one of B's resources, which A's session must get as 404.
    /// </summary>
    private static readonly Dictionary<string, Sample> Samples = new(StringComparer.Ordinal)
    {
        ["GetHealth"] = new("GET", "api/health"),
        ["GetOpenApi"] = new("GET", "api/openapi.json"),
        ["RouteNotFound"] = new("GET", "api/merchants/{merchantB}/orders", OfB: true),
        ["Register"] = new("POST", "api/auth/register", new { name = "Mallory", email = "{emailB}", password = AccountsApi.Password, businessName = "Mallory Traders" }),
        ["Verify"] = new("POST", "api/auth/verify", new { token = "{merchantB}" }),
        ["Login"] = new("POST", "api/auth/login", new { email = "{emailB}", password = "not the right password" }),
        ["Logout"] = new("POST", "api/auth/logout"),
        ["GetCsrfToken"] = new("GET", "api/auth/csrf"),
        ["GetMe"] = new("GET", "api/me"),
        ["SwitchMerchant"] = new("POST", "api/me/merchant", new { merchantId = "{merchantB}" }, OfB: true),
        ["RequestPasswordReset"] = new("POST", "api/auth/password-reset", new { email = "{emailB}" }),
        ["ConfirmPasswordReset"] = new("POST", "api/auth/password-reset/confirm", new { token = "{sessionB}", newPassword = "monsoon rain over clifton beach" }),
        ["ChangePassword"] = new("POST", "api/me/password", new { currentPassword = "not the right password", newPassword = "monsoon rain over clifton beach" }),
        ["ListSessions"] = new("GET", "api/me/sessions"),
        ["RevokeSession"] = new("DELETE", "api/me/sessions/{sessionB}", OfB: true),
        ["RevokeOtherSessions"] = new("DELETE", "api/me/sessions"),
        ["ListAccessLog"] = new("GET", "api/access-log?actor={userB}"),
        ["ListAuditLog"] = new("GET", "api/audit-log?actor={userB}"),
        ["ListInvitations"] = new("GET", "api/invitations"),
        ["CreateInvitation"] = new("POST", "api/invitations", new { email = "newcomer@example.pk", role = "viewer" }),
        ["RevokeInvitation"] = new("DELETE", "api/invitations/{merchantB}", OfB: true),
        ["ListUsers"] = new("GET", "api/users"),
        ["ChangeUserRole"] = new("PUT", "api/users/{userB}/role", new { role = "viewer" }, OfB: true),
        ["RemoveUser"] = new("DELETE", "api/users/{userB}", OfB: true),
        ["TransferOwnership"] = new("POST", "api/account/transfer-ownership", new { userId = "{userB}" }, OfB: true),
        ["AcceptInvitation"] = new("POST", "api/invitations/accept", new { token = "{merchantB}", name = "Mallory", password = "monsoon rain over clifton beach" }),
        ["GetPreferences"] = new("GET", "api/me/preferences"),
        ["UpdatePreferences"] = new("PUT", "api/me/preferences", new { timeZone = "Asia/Karachi", language = "ur", notifications = new { email = new { orderBooked = false, codRemitted = true, weeklySummary = false } } }),
        ["CloseAccount"] = new("POST", "api/account/close"),
        ["StaffLogin"] = new("POST", "api/staff/login", new { email = "{emailB}", password = "not the right staff password", totp = "123456" }),
        ["StaffLogout"] = new("POST", "api/staff/logout"),
        ["RequestAccessGrant"] = new("POST", "api/staff/grants", new { merchantId = "{merchantB}", reason = "Courier booking fails for this shop", hours = 2 }),
        ["StaffApproveAccessGrant"] = new("POST", "api/staff/grants/grt_0123456789abcdef0123456789abcdef/approve"),
        ["StaffGetMerchantProfile"] = new("GET", "api/staff/merchants/{merchantB}/profile"),
        ["ListAccessGrants"] = new("GET", "api/access-grants"),
        ["ApproveAccessGrant"] = new("POST", "api/access-grants/grt_0123456789abcdef0123456789abcdef/approve", OfB: true),
        ["DenyAccessGrant"] = new("POST", "api/access-grants/grt_0123456789abcdef0123456789abcdef/deny", OfB: true),
        ["RevokeAccessGrant"] = new("POST", "api/access-grants/grt_0123456789abcdef0123456789abcdef/revoke", OfB: true),
        ["ListStores"] = new("GET", "api/stores"),
        ["ConnectStore"] = new("POST", "api/stores/connect", new { shopDomain = "bravo-bazaar.myshopify.com" }),
        ["ShopifyInstall"] = new("GET", "api/shopify/install?shop=bravo-bazaar.myshopify.com&timestamp=1764000000&hmac=00"),
        ["ShopifyCallback"] = new("GET", "api/shopify/callback?code=abc&shop=bravo-bazaar.myshopify.com&state={sessionB}&timestamp=1764000000&hmac=00"),
        ["DisconnectStore"] = new("DELETE", "api/stores/sto_0123456789abcdef0123456789abcdef", OfB: true),
        ["GetStoreSync"] = new("GET", "api/stores/sto_0123456789abcdef0123456789abcdef/sync", OfB: true),
        ["SyncStore"] = new("POST", "api/stores/sto_0123456789abcdef0123456789abcdef/sync", OfB: true),
        ["ListComplianceRequests"] = new("GET", "api/privacy/requests"),
        ["GetDataRequestPackage"] = new("GET", "api/privacy/requests/shopify-0123456789/package", OfB: true),
        ["StartTwoStep"] = new("POST", "api/me/totp"),
        ["ConfirmTwoStep"] = new("POST", "api/me/totp/confirm", new { code = "123456" }),
        ["ReceiveShopifyWebhook"] = new("POST", "api/webhooks/shopify", new { id = "{merchantB}", email = "{emailB}" }),
        ["DisableTwoStep"] = new("POST", "api/me/totp/disable", new { password = "not the right password", code = "123456" }),
    };

    [Fact]
    public async Task EveryHttpFunction_CalledAsMerchantAAboutMerchantB_RevealsNothingOfB()
    {
        await using var devHost = await TestDevHost.StartAsync(fixture.Emulators, settings: new Dictionary<string, string?> { ["DevHost:Sandbox"] = "true" });
        var api = new AccountsApi(devHost.Client);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var emailA = $"a.{suffix}@example.pk";
        var emailB = $"b.{suffix}@example.pk";
        await api.SignUpAsync(emailA, "Alpha Apparel " + suffix);
        var b = await api.SignUpAsync(emailB, "Bravo Bazaar " + suffix);
        string[] secretsOfB = [b.MerchantId, b.UserId, emailB, "Bravo Bazaar " + suffix];
        var failures = new List<string>();

        foreach (var function in FunctionCatalog.Discover([typeof(FunctionsAppServices).Assembly]).Http.OrderBy(f => f.Name switch { "Logout" => 1, "CloseAccount" => 2, _ => 0 }))
        {
            var kind = function.Method.GetCustomAttribute<AuthenticationKindAttribute>();
            if (kind is null || !Samples.TryGetValue(function.Name, out var sample))
            {
                failures.Add($"{function.Name}: {(kind is null ? "declares no authentication kind" : "has no isolation sample in TenantIsolationSweepTests")}");
                continue;
            }

            var path = Fill(sample.Path, b, emailB);
            var body = sample.Body is null ? null : System.Text.Json.JsonSerializer.Deserialize<object>(Fill(System.Text.Json.JsonSerializer.Serialize(sample.Body), b, emailB));
            switch (kind)
            {
                case SessionAttribute:
                    using (var anonymous = await api.SendAsync(new HttpMethod(sample.Method), path, session: null, body))
                    {
                        Expect(anonymous.StatusCode == HttpStatusCode.Unauthorized, $"{function.Name} without a session answered {(int)anonymous.StatusCode}, not 401");
                    }

                    using (var asA = await api.SendAsync(new HttpMethod(sample.Method), path, await api.LoginAsync(emailA), body))
                    {
                        await ExpectNothingOfBAsync(function.Name, asA, sample.OfB);
                    }

                    break;
                case AnonymousAttribute:
                    using (var response = await api.SendAsync(new HttpMethod(sample.Method), path, session: null, body))
                    {
                        await ExpectNothingOfBAsync(function.Name, response, sample.OfB);
                    }

                    break;
                case PlatformStaffAttribute:
                    // A merchant's session is no staff session: staff functions answer it 401 like no session at all.
                    using (var asA = await api.SendAsync(new HttpMethod(sample.Method), path, await api.LoginAsync(emailA), body))
                    {
                        Expect(asA.StatusCode == HttpStatusCode.Unauthorized, $"{function.Name} with a merchant session and no staff session answered {(int)asA.StatusCode}, not 401");
                        await ExpectNothingOfBAsync(function.Name, asA, ofB: false);
                    }

                    break;
                case ShopifyHmacAttribute:
                    // Only Shopify's signature counts: unsigned, even with A's session, it is 401 and names nothing of B.
                    using (var unsigned = await api.SendAsync(new HttpMethod(sample.Method), path, await api.LoginAsync(emailA), body))
                    {
                        Expect(unsigned.StatusCode == HttpStatusCode.Unauthorized, $"{function.Name} without a Shopify signature answered {(int)unsigned.StatusCode}, not 401");
                        await ExpectNothingOfBAsync(function.Name, unsigned, ofB: false);
                    }

                    break;
                default:
                    failures.Add($"{function.Name}: the sweep does not know the kind {kind.GetType().Name} yet; teach it");
                    break;
            }
        }

        Assert.Empty(failures);

        void Expect(bool condition, string failure)
        {
            if (!condition)
            {
                failures.Add(failure);
            }
        }

        async Task ExpectNothingOfBAsync(string name, HttpResponseMessage response, bool ofB)
        {
            var text = await response.Content.ReadAsStringAsync();
            Expect(!ofB || response.StatusCode == HttpStatusCode.NotFound, $"{name} about B's resource answered {(int)response.StatusCode}, not 404");
            foreach (var secret in secretsOfB)
            {
                Expect(!text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{name} revealed B's data in its answer");
            }
        }
    }

    private static string Fill(string text, SignedIn b, string emailB) =>
        text.Replace("{merchantB}", b.MerchantId, StringComparison.Ordinal).Replace("{userB}", b.UserId, StringComparison.Ordinal).Replace("{emailB}", emailB, StringComparison.Ordinal).Replace("{sessionB}", b.SessionId, StringComparison.Ordinal);

    private sealed record Sample(string Method, string Path, object? Body = null, bool OfB = false);
}
