using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.Core.Activity;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Stores;
using SooperSeller.Functions.Activity;
using SooperSeller.Functions.Http;
using SooperSeller.Functions.Http.Auth;

namespace SooperSeller.Functions.Stores;

/// <summary><c>GET /api/stores</c>: the merchant's stores, connected and disconnected, with locations and sync status.</summary>
public sealed class ListStores(IStores stores)
{
    [Function(nameof(ListStores))]
    [Session]
    [Responds(StatusCodes.Status200OK, typeof(StoreList))]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stores")] HttpRequest request, CancellationToken cancellationToken)
    {
        var merchantId = request.GetCaller().MerchantId;
        var views = new List<StoreView>();
        foreach (var store in await stores.ListAsync(merchantId, cancellationToken))
        {
            views.Add(StoreView.Of(store, await stores.ListLocationsAsync(merchantId, store.StoreId, cancellationToken)));
        }

        return TypedResults.Ok(new StoreList(views));
    }
}

/// <summary><c>POST /api/stores/connect</c> {shopDomain}: where to send the browser to approve SooperSeller on Shopify.</summary>
public sealed class ConnectStore(StoreConnectionHandler handler)
{
    [Function(nameof(ConnectStore))]
    [Session(Permission.ManageStores)]
    [RequestBody(typeof(ConnectStoreCommand)), Responds(StatusCodes.Status200OK, typeof(AuthorizeUrlResponse), Description = "Open authorizeUrl in the browser; Shopify returns to /api/shopify/callback within 10 minutes."), Responds(StatusCodes.Status400BadRequest, Description = "Not a myshopify.com domain (shopDomain)."), Responds(StatusCodes.Status409Conflict, Description = "The store is connected to another SooperSeller account.")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "stores/connect")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();
        var url = await handler.StartAsync(new StoreCaller(caller.MerchantId, caller.UserId, caller.SessionId), await JsonBody.ReadAsync<ConnectStoreCommand>(request, cancellationToken), cancellationToken);
        return TypedResults.Ok(new AuthorizeUrlResponse(url));
    }
}

/// <summary>
/// <c>GET /api/shopify/install</c>: the app is installed from Shopify's side (the App URL). The query is Shopify-signed.
/// A signed-in user who may manage stores goes straight to Shopify's approval; anyone else to the front end's
/// <c>/connect-store?shop=…</c>, which signs them up or in and connects the shop from there.
/// </summary>
public sealed class ShopifyInstall(StoreConnectionHandler handler, StoreCallers callers, StoreLinks links)
{
    [Function(nameof(ShopifyInstall))]
    [Anonymous]
    [Responds(StatusCodes.Status302Found, Description = "To Shopify's approval page, or to the front end to sign in first."), Responds(StatusCodes.Status400BadRequest, Description = "The signature (hmac), timestamp or shop is missing, forged or stale.")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "shopify/install")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = await callers.SignedInAsync(request, Permission.ManageStores, cancellationToken);
        var outcome = await handler.InstallAsync(QueryOf(request), caller, cancellationToken);
        return TypedResults.Redirect((outcome.AuthorizeUrl ?? links.ConnectStore(outcome.ShopDomain)).ToString());
    }

    internal static IReadOnlyList<KeyValuePair<string, string?>> QueryOf(HttpRequest request) =>
        [.. request.Query.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))];
}

/// <summary>
/// <c>GET /api/shopify/callback</c>: Shopify returns here after the merchant approved. Refused with a 400 naming the
/// parameter (nothing stored) when the signature, timestamp, shop, state (unknown, used, expired or another session's)
/// or granted scopes are wrong; otherwise the store is connected and the browser goes to the front end's stores page.
/// </summary>
public sealed class ShopifyCallback(StoreConnectionHandler handler, StoreCallers callers, StoreLinks links, AuditTrail audit)
{
    [Function(nameof(ShopifyCallback))]
    [Anonymous]
    [Responds(StatusCodes.Status302Found, Description = "Connected: to the front end's /stores?connected={storeId}."), Responds(StatusCodes.Status400BadRequest, Description = "The signature (hmac), timestamp, shop, state, code or granted scopes are wrong; nothing is stored."), Responds(StatusCodes.Status409Conflict, Description = "The store is connected to another SooperSeller account.")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "shopify/callback")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = await callers.SignedInAsync(request, permission: null, cancellationToken);
        var store = await handler.CompleteAsync(ShopifyInstall.QueryOf(request), caller, cancellationToken);
        await audit.RecordAsync(request, store.MerchantId, ActivityActor.User(store.ConnectedBy), AuditAction.StoreConnected, store.StoreId, cancellationToken);
        return TypedResults.Redirect(links.Connected(store.StoreId).ToString());
    }
}

/// <summary><c>DELETE /api/stores/{id}</c>: disconnects the store (204); its data stays, sync stops.</summary>
public sealed class DisconnectStore(DisconnectStoreHandler handler, AuditTrail audit)
{
    [Function(nameof(DisconnectStore))]
    [Session(Permission.ManageStores)]
    [Responds(StatusCodes.Status204NoContent, Description = "Disconnected (or it was already)."), Responds(StatusCodes.Status404NotFound, Description = "The merchant has no store with this id.")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "stores/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(request.GetCaller().MerchantId, id, uninstalled: false, cancellationToken))
        {
            await audit.RecordAsync(request, AuditAction.StoreDisconnected, id, cancellationToken);
        }

        return TypedResults.NoContent();
    }
}

/// <summary><c>GET /api/stores/{id}/sync</c>: the store's sync status.</summary>
public sealed class GetStoreSync(IStores stores)
{
    [Function(nameof(GetStoreSync))]
    [Session]
    [Responds(StatusCodes.Status200OK, typeof(StoreSyncView)), Responds(StatusCodes.Status404NotFound, Description = "The merchant has no store with this id.")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stores/{id}/sync")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var store = await stores.GetAsync(request.GetCaller().MerchantId, id, cancellationToken) ?? throw new NotFoundException("store", id);
        return TypedResults.Ok(StoreSyncView.Of(store.Sync));
    }
}

/// <summary>
/// <c>POST /api/stores/{id}/sync</c>: queues the store's set-up (webhook subscriptions, shop details, locations) and its
/// incremental sync (orders and products changed since the watermark) now (202); its status tells when they ran.
/// </summary>
public sealed class SyncStore(IStores stores, IStoreWork work, SooperSeller.Core.Stores.Sync.IStoreSyncWork sync)
{
    [Function(nameof(SyncStore))]
    [Session]
    [Responds(StatusCodes.Status202Accepted, typeof(StoreSyncView), Description = "Queued; GET /api/stores/{id}/sync shows when it ran."), Responds(StatusCodes.Status404NotFound, Description = "The merchant has no store with this id."), Responds(StatusCodes.Status409Conflict, Description = "The store is disconnected.")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "stores/{id}/sync")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var merchantId = request.GetCaller().MerchantId;
        var store = await stores.GetAsync(merchantId, id, cancellationToken) ?? throw new NotFoundException("store", id);
        if (store.Status != StoreStatus.Connected)
        {
            throw new ConflictException("The store is disconnected; connect it again to sync.");
        }

        await work.EnqueueSetupAsync(merchantId, id, cancellationToken);
        await sync.EnqueueSyncAsync(merchantId, id, cancellationToken);
        return TypedResults.Json(StoreSyncView.Of(store.Sync), statusCode: StatusCodes.Status202Accepted);
    }
}
