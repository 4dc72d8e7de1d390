using SooperSeller.Core.Accounts;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Stores;

public sealed record ConnectStoreCommand(string? ShopDomain);

/// <summary>The signed-in user connecting a store (a session with <see cref="Permission.ManageStores"/>).</summary>
public sealed record StoreCaller(MerchantId MerchantId, string UserId, string SessionId);

/// <summary>Where an install started from Shopify's side goes next.</summary>
public sealed record InstallOutcome(Uri? AuthorizeUrl, string ShopDomain)
{
    /// <summary>No signed-in user who may manage stores: the front end signs them up or in, then connects the shop.</summary>
    public bool NeedsSignIn => AuthorizeUrl is null;
}

/// <summary>
/// Connecting a Shopify store through OAuth (authorization-code grant, expiring offline token). From SooperSeller:
/// <see cref="StartAsync"/> makes a state nonce bound to the caller's session and the shop, and gives the authorize
/// URL. From Shopify's side: <see cref="InstallAsync"/> checks the signed query and, for a signed-in user who may
/// manage stores, starts the same way; anyone else is sent to the front end to sign up or in and connect the shop
/// from there (nothing is stored before that). Shopify then redirects to <see cref="CompleteAsync"/>, which refuses a
/// forged or stale signature, a foreign shop domain, and an unknown, used, expired or other-session state before
/// anything is stored; exchanges the code; refuses a grant missing any required scope (keeping no token); then claims
/// the shop for the merchant, records the store connected and queues its set-up (webhooks, details, locations).
/// A shop connected to another merchant is refused (409) before the code is exchanged.
/// </summary>
public sealed class StoreConnectionHandler(IShopifyGateway shopify, IShopDirectory shops, IStores stores, IOAuthStates states, IStoreWork work, TimeProvider time)
{
    public static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);

    public async Task<Uri> StartAsync(StoreCaller caller, ConnectStoreCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(command);
        if (!shopify.TryNormaliseShopDomain(command.ShopDomain?.Trim(), out var shop))
        {
            throw new ValidationFailedException("shopDomain", "Give the store's myshopify.com domain, like my-store.myshopify.com.");
        }

        await EnsureNotHeldElsewhereAsync(shop, caller.MerchantId, cancellationToken);
        var state = SecureToken.New();
        await states.AddAsync(new OAuthState(SecureToken.HashOf(state)!, caller.MerchantId, caller.UserId, caller.SessionId, shop, time.GetUtcNow() + StateLifetime), cancellationToken);
        return shopify.AuthorizeUrl(shop, state);
    }

    /// <param name="caller">The signed-in user if they may manage stores, else null.</param>
    public async Task<InstallOutcome> InstallAsync(IReadOnlyList<KeyValuePair<string, string?>> query, StoreCaller? caller, CancellationToken cancellationToken)
    {
        var shop = Verified(query);
        return caller is null
            ? new InstallOutcome(null, shop)
            : new InstallOutcome(await StartAsync(caller, new ConnectStoreCommand(shop), cancellationToken), shop);
    }

    /// <param name="caller">The signed-in user (any role), or null; it must be the session the state was made for.</param>
    public async Task<Store> CompleteAsync(IReadOnlyList<KeyValuePair<string, string?>> query, StoreCaller? caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var shop = Verified(query);
        var stateHash = SecureToken.HashOf(ValueOf(query, "state")) ?? throw new ValidationFailedException("state", "The authorization has no valid state; connect the store again from SooperSeller.");
        var state = await states.TakeAsync(stateHash, cancellationToken);
        if (state is null || state.ExpiresAt <= time.GetUtcNow())
        {
            throw new ValidationFailedException("state", "This authorization is unknown, used or expired; connect the store again from SooperSeller.");
        }

        if (!string.Equals(state.ShopDomain, shop, StringComparison.Ordinal))
        {
            throw new ValidationFailedException("shop", "The store does not match the one being connected; connect it again from SooperSeller.");
        }

        if (caller is null || !string.Equals(caller.SessionId, state.SessionId, StringComparison.Ordinal) || caller.MerchantId != state.MerchantId)
        {
            throw new ValidationFailedException("state", "This authorization was started in another session; connect the store again from SooperSeller.");
        }

        if (string.IsNullOrEmpty(ValueOf(query, "code")))
        {
            throw new ValidationFailedException("code", "Shopify sent no authorization code; connect the store again.");
        }

        var existing = await EnsureNotHeldElsewhereAsync(shop, state.MerchantId, cancellationToken);
        var grant = await shopify.ExchangeCodeAsync(shop, ValueOf(query, "code")!, cancellationToken);
        if (grant.MissingScopes.Count > 0)
        {
            throw new ValidationFailedException("scope", $"Shopify did not grant every permission SooperSeller needs (missing: {string.Join(", ", grant.MissingScopes)}); approve them all to connect the store.");
        }

        var storeId = existing?.MerchantId == state.MerchantId ? existing.StoreId : Store.NewId();
        if (!await shops.TryClaimAsync(shop, state.MerchantId, storeId, cancellationToken))
        {
            throw HeldElsewhere();
        }

        var now = time.GetUtcNow();
        var store = await stores.GetAsync(state.MerchantId, storeId, cancellationToken) is { } previous
            ? previous with { Status = StoreStatus.Connected, Scopes = grant.GrantedScopes, ConnectedAt = now, ConnectedBy = state.UserId, DisconnectedAt = null, Sync = StoreSync.Pending }
            : new Store(storeId, state.MerchantId, shop, StoreStatus.Connected, grant.GrantedScopes, now, state.UserId);
        var saved = await stores.SaveAsync(store, cancellationToken);
        await work.EnqueueSetupAsync(state.MerchantId, storeId, cancellationToken);
        return saved;
    }

    private string Verified(IReadOnlyList<KeyValuePair<string, string?>> query)
    {
        var verdict = shopify.VerifySignedQuery(query);
        return verdict.Valid ? verdict.ShopDomain! : throw new ValidationFailedException(verdict.Field!, verdict.Problem!);
    }

    private async Task<ShopEntry?> EnsureNotHeldElsewhereAsync(string shop, MerchantId merchantId, CancellationToken cancellationToken)
    {
        var entry = await shops.FindAsync(shop, cancellationToken);
        return entry is { Connected: true } && entry.MerchantId != merchantId ? throw HeldElsewhere() : entry;
    }

    // Says nothing about which merchant holds it.
    private static ConflictException HeldElsewhere() => new("This Shopify store is connected to another SooperSeller account; disconnect it there first.");

    private static string? ValueOf(IReadOnlyList<KeyValuePair<string, string?>> query, string key) =>
        query.Where(p => string.Equals(p.Key, key, StringComparison.Ordinal)).Select(p => p.Value).FirstOrDefault();
}
