namespace SooperSeller.Core.Orders;

/// <summary>A customer's data-request package: what the store's orders hold about them, machine-readable (JSON).</summary>
public sealed record CustomerDataPackage(string StoreId, long? ShopifyCustomerId, DateTimeOffset GeneratedAt, IReadOnlyList<CustomerOrderEntry> Orders);
