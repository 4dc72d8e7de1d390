namespace SooperSeller.Core.Orders;

/// <summary>An order's totals in shop money: <c>long</c> minor units of <see cref="Currency"/> (never <c>double</c>).</summary>
/// <param name="CurrentTotal">After order edits, refunds and cancellation (<c>current_total_price</c>).</param>
/// <param name="Outstanding">Still to be paid (<c>total_outstanding</c>): on a COD order, the cash to collect.</param>
public sealed record OrderTotals(
    string Currency,
    long Total,
    long CurrentTotal,
    long Outstanding,
    long Subtotal,
    long Discounts,
    long Shipping,
    long Tax);
