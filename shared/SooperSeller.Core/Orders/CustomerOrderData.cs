using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Orders;

/// <summary>
/// The personal-data primitives redaction and data requests call (Shopify's customers/redact, shop/redact and
/// customers/data_request). Erasing keeps amounts, line items and dates (<see cref="OrderRedaction"/>), marks the order
/// redacted so a later Shopify update cannot bring the data back, and is idempotent: a second call changes nothing.
/// </summary>
public sealed class CustomerOrderData(IOrders orders, SyncOrder sync, TimeProvider time)
{
    /// <summary>
    /// Erases the customer's personal data from the store's orders: those listed in <paramref name="orderIds"/> and those
    /// matching the customer id, email or phone. A listed order not stored yet gets a redacted placeholder, so its
    /// delayed create arrives already stripped. Returns how many order documents changed.
    /// </summary>
    public async Task<int> AnonymiseCustomerAsync(
        MerchantId merchantId,
        string storeId,
        long? shopifyCustomerId,
        string? email,
        string? phone,
        IReadOnlyCollection<long> orderIds,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orderIds);
        var listed = orderIds.Distinct().ToDictionary(id => Order.IdOf(storeId, id), StringComparer.Ordinal);
        var matched = await FindAsync(merchantId, storeId, shopifyCustomerId, email, phone, cancellationToken);
        var now = time.GetUtcNow();
        var changed = 0;
        foreach (var id in listed.Keys.Union(matched.Select(o => o.Id)))
        {
            var placeholder = listed.TryGetValue(id, out var shopifyOrderId) ? Order.Empty(storeId, shopifyOrderId) with { RedactedAt = now } : null;
            if (await sync.UpdateAsync(merchantId, id, stored => stored is null ? placeholder : OrderRedaction.Anonymise(stored, now), cancellationToken))
            {
                changed++;
            }
        }

        return changed;
    }

    /// <summary>Erases the personal data of every order of the store (shop/redact). Returns how many changed.</summary>
    public async Task<int> AnonymiseStoreAsync(MerchantId merchantId, string storeId, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var order in orders.ListByStoreAsync(merchantId, storeId, cancellationToken))
        {
            if (order.RedactedAt is null || !OrderRedaction.IsErased(order))
            {
                ids.Add(order.Id);
            }
        }

        var now = time.GetUtcNow();
        var changed = 0;
        foreach (var id in ids)
        {
            if (await sync.UpdateAsync(merchantId, id, stored => stored is null ? null : OrderRedaction.Anonymise(stored, now), cancellationToken))
            {
                changed++;
            }
        }

        return changed;
    }

    /// <summary>
    /// The customer's personal data as the store's orders hold it, for the store owner (customers/data_request): listed
    /// orders and those matching the customer id, email or phone.
    /// </summary>
    public async Task<CustomerDataPackage> ExportCustomerAsync(
        MerchantId merchantId,
        string storeId,
        long? shopifyCustomerId,
        string? email,
        string? phone,
        IReadOnlyCollection<long> orderIds,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orderIds);
        var found = (await FindAsync(merchantId, storeId, shopifyCustomerId, email, phone, cancellationToken)).ToDictionary(o => o.Id, StringComparer.Ordinal);
        foreach (var id in orderIds.Select(id => Order.IdOf(storeId, id)).Where(id => !found.ContainsKey(id)))
        {
            if (await orders.FindAsync(merchantId, id, cancellationToken) is { } order)
            {
                found[id] = order;
            }
        }

        var entries = found.Values
            .Where(o => o.Shopify is not null)
            .OrderBy(o => o.Shopify!.CreatedAt)
            .Select(o => new CustomerOrderEntry(
                o.ShopifyOrderId, o.Shopify!.Name, o.Shopify.CreatedAt, o.Shopify.CustomerId, o.Shopify.Shipping, o.Internal.Corrections, o.Shopify.Note, o.RedactedAt))
            .ToList();
        return new CustomerDataPackage(storeId, shopifyCustomerId, time.GetUtcNow(), entries);
    }

    private async Task<IReadOnlyList<Order>> FindAsync(
        MerchantId merchantId, string storeId, long? shopifyCustomerId, string? email, string? phone, CancellationToken cancellationToken)
    {
        var normalisedEmail = OrderSearchFields.NormaliseEmail(email);
        var phoneDigits = OrderSearchFields.PhoneDigitsOf(CustomerPhones.Normalise(phone));
        return shopifyCustomerId is null && normalisedEmail is null && phoneDigits is null
            ? []
            : await orders.ListForCustomerAsync(merchantId, storeId, shopifyCustomerId, normalisedEmail, phoneDigits, cancellationToken);
    }
}
