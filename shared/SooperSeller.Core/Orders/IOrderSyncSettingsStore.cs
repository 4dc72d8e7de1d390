using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Orders;

/// <summary>The merchant's order sync settings, a small document in <c>merchants</c>; the default when none was saved.</summary>
public interface IOrderSyncSettingsStore
{
    Task<OrderSyncSettings> GetAsync(MerchantId merchantId, CancellationToken cancellationToken);

    Task SaveAsync(MerchantId merchantId, OrderSyncSettings settings, CancellationToken cancellationToken);
}
