using SooperSeller.Core.Accounts;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Stores;

/// <summary>
/// A store's background set-up, run from the <c>store-setup</c> queue after connection, daily (Shopify deletes
/// subscriptions after repeated failed deliveries), and on demand: the shop's details, the webhook subscriptions
/// (re-created when missing), and its locations. Idempotent. A failure is recorded on the store for the merchant to
/// see and thrown, so the host retries and finally parks the message in the poison queue. Disconnected stores and
/// closed merchants are skipped: closure stops sync.
/// </summary>
public sealed class StoreSetupHandler(IShopifyGateway shopify, IStores stores, IMerchantDirectory merchants, TimeProvider time)
{
    public async Task RunAsync(MerchantId merchantId, string storeId, CancellationToken cancellationToken)
    {
        var store = await stores.GetAsync(merchantId, storeId, cancellationToken);
        if (store is not { Status: StoreStatus.Connected } || await merchants.GetMerchantAsync(merchantId, cancellationToken) is null or { IsClosed: true })
        {
            return;
        }

        try
        {
            var profile = await shopify.GetShopAsync(store.ShopDomain, cancellationToken);
            var topics = await shopify.EnsureWebhooksAsync(store.ShopDomain, cancellationToken);
            var locations = await shopify.ListLocationsAsync(store.ShopDomain, cancellationToken);
            await stores.ReplaceLocationsAsync(merchantId, storeId, locations, cancellationToken);
            var now = time.GetUtcNow();
            await StoreUpdates.UpdateAsync(stores, merchantId, storeId, s => s with
            {
                Name = profile.Name,
                CurrencyCode = profile.CurrencyCode,
                TimeZone = profile.TimeZone,
                Sync = s.Sync with { State = StoreSync.OkState, LastRunAt = now, WebhooksCheckedAt = now, WebhookTopics = topics, LocationsSyncedAt = now, LocationCount = locations.Count, LastError = null },
            }, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await StoreUpdates.UpdateAsync(stores, merchantId, storeId, s => s with { Sync = s.Sync with { State = StoreSync.FailedState, LastRunAt = time.GetUtcNow(), LastError = "Shopify could not be reached or refused a request; SooperSeller retries by itself." } }, cancellationToken);
            throw;
        }
    }
}

/// <summary>
/// Disconnecting a store: our webhook subscriptions are removed (best effort: after an uninstall Shopify refuses the
/// token, and removes them itself), the tokens forgotten, the shop marked disconnected in the directory (compliance
/// webhooks still resolve), and the store kept as disconnected with its data. Disconnecting twice is the same.
/// </summary>
public sealed class DisconnectStoreHandler(IShopifyGateway shopify, IShopDirectory shops, IStores stores, TimeProvider time)
{
    /// <param name="uninstalled">True when Shopify says the app was uninstalled: the token is dead and Shopify removed the
    /// subscriptions itself, so nothing is asked of Shopify.</param>
    /// <returns>False when the store was disconnected already.</returns>
    public async Task<bool> HandleAsync(MerchantId merchantId, string storeId, bool uninstalled, CancellationToken cancellationToken)
    {
        var store = await stores.GetAsync(merchantId, storeId, cancellationToken) ?? throw new NotFoundException("store", storeId);
        if (store.Status == StoreStatus.Disconnected)
        {
            return false;
        }

        if (!uninstalled)
        {
            try
            {
                await shopify.RemoveWebhooksAsync(store.ShopDomain, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Nothing to do: without a token the subscriptions fail, and our endpoint ignores disconnected shops.
            }
        }

        await shopify.ForgetTokensAsync(store.ShopDomain, cancellationToken);
        await shops.MarkDisconnectedAsync(store.ShopDomain, merchantId, cancellationToken);
        await StoreUpdates.UpdateAsync(stores, merchantId, storeId, s => s with { Status = StoreStatus.Disconnected, DisconnectedAt = time.GetUtcNow() }, cancellationToken);
        return true;
    }
}

internal static class StoreUpdates
{
    /// <summary>Read, change, write with the read version; on a racing write, read again (a few times).</summary>
    public static async Task<Store> UpdateAsync(IStores stores, MerchantId merchantId, string storeId, Func<Store, Store> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var store = await stores.GetAsync(merchantId, storeId, cancellationToken) ?? throw new NotFoundException("store", storeId);
            try
            {
                return await stores.SaveAsync(change(store), cancellationToken);
            }
            catch (ConflictException) when (attempt < 5)
            {
            }
        }
    }
}
