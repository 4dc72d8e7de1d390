using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Core.Stores;
using SooperSeller.Functions.Http;
using SooperSeller.Functions.Http.Auth;

namespace SooperSeller.Functions.Stores;

/// <summary>
/// The signed-in user of an anonymous Shopify redirect (install, callback), if any: Shopify's redirects are top-level
/// GET navigations, so the browser sends the SameSite=Lax session cookie with them.
/// </summary>
public sealed class StoreCallers(ISessionStore sessions)
{
    public async Task<StoreCaller?> SignedInAsync(HttpRequest request, Permission? permission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (SessionCookie.Read(request) is not { Length: > 0 } token || await sessions.ValidateAsync(token, cancellationToken) is not { } session)
        {
            return null;
        }

        return permission is { } needed && !RolePermissions.Has(session.Subject.Role, needed)
            ? null
            : new StoreCaller(session.Subject.MerchantId, session.Subject.UserId, session.SessionId);
    }
}

/// <summary>Front-end pages the Shopify redirects end on: <c>/stores?connected=…</c> and <c>/connect-store?shop=…</c>.</summary>
public sealed class StoreLinks(IOptions<FrontendOptions> frontend)
{
    private Uri Base => frontend.Value.LinkBase;

    public Uri Connected(string storeId) => new(Base, "stores?connected=" + Uri.EscapeDataString(storeId));

    public Uri ConnectStore(string shopDomain) => new(Base, "connect-store?shop=" + Uri.EscapeDataString(shopDomain));
}
