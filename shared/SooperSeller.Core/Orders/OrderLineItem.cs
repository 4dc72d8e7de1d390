namespace SooperSeller.Core.Orders;

/// <summary>One line of an order; prices in minor units of the order's currency.</summary>
/// <param name="Discount">Everything discounted from this line in all (its discount allocations).</param>
/// <param name="CurrentQuantity">After removals and cancellation.</param>
public sealed record OrderLineItem(
    long Id,
    string? Sku,
    long? VariantId,
    long? ProductId,
    string Title,
    string? VariantTitle,
    int Quantity,
    int CurrentQuantity,
    long UnitPrice,
    long Discount);
