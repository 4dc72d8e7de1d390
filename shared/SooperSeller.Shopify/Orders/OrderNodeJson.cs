using System.Text.Json;
using SooperSeller.Core.Orders;

namespace SooperSeller.Shopify.Orders;

/// <summary>
/// What GraphQL order nodes need beyond <see cref="ShopifyPayloadJson"/>: money as a <c>MoneyBag</c>
/// (<c>{name}.shopMoney.amount</c>) rather than REST's string amounts.
/// </summary>
internal static class OrderNodeJson
{
    /// <summary>Shop money of a <c>MoneyBag</c> field in minor units; 0 when absent.</summary>
    public static long MoneyBag(this JsonElement element, string name, string currency) =>
        element.Child(name)?.Child("shopMoney")?.String("amount") is { } amount ? MinorUnits.Parse(amount, currency) : 0;
}
