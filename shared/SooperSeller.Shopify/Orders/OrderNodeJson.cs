using System.Globalization;
using System.Text.Json;
using SooperSeller.Core.Orders;

namespace SooperSeller.Shopify.Orders;

/// <summary>
/// Null-tolerant readers for GraphQL order nodes (camelCase, GIDs, money as <c>MoneyBag</c>s): a field Shopify withholds
/// (protected customer data) or that a query left out reads as null rather than failing the whole order.
/// </summary>
internal static class OrderNodeJson
{
    public static JsonElement? Child(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static string? String(this JsonElement element, string name) =>
        element.Child(name) is { } value
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    /// <summary>A trimmed string, null when absent or blank.</summary>
    public static string? Text(this JsonElement element, string name) =>
        element.String(name) is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    public static long? Long(this JsonElement element, string name) =>
        element.Child(name) switch
        {
            { ValueKind: JsonValueKind.Number } n => n.GetInt64(),
            { ValueKind: JsonValueKind.String } s when long.TryParse(s.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };

    public static DateTimeOffset? Time(this JsonElement element, string name) =>
        element.String(name) is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : null;

    public static DateTimeOffset RequiredTime(this JsonElement element, string name) =>
        element.Time(name) ?? throw new FormatException($"The Shopify order node has no '{name}'.");

    /// <summary>Shop money of a <c>MoneyBag</c> field (<c>{name}.shopMoney.amount</c>) in minor units; 0 when absent.</summary>
    public static long Money(this JsonElement element, string name, string currency) =>
        element.Child(name)?.Child("shopMoney")?.String("amount") is { } amount ? MinorUnits.Parse(amount, currency) : 0;

    public static IEnumerable<JsonElement> Array(this JsonElement element, string name) =>
        element.Child(name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];
}
