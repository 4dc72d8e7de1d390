using System.Globalization;
using System.Text.Json;

namespace SooperSeller.Core.Orders;

/// <summary>
/// Null-tolerant readers for Shopify's JSON: REST webhook payloads (snake_case, numeric ids, money as strings) and
/// GraphQL nodes (the Shopify project's mappers use them too). A field Shopify withholds (protected customer data) or a
/// query left out reads as null rather than failing the whole record.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Readers are named after the JSON value they read.")]
public static class ShopifyPayloadJson
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

    public static long RequiredLong(this JsonElement element, string name) =>
        element.Long(name) ?? throw new FormatException($"The Shopify data has no '{name}'.");

    public static bool Bool(this JsonElement element, string name) =>
        element.Child(name) is { ValueKind: JsonValueKind.True };

    public static DateTimeOffset? Time(this JsonElement element, string name) =>
        element.String(name) is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : null;

    public static DateTimeOffset RequiredTime(this JsonElement element, string name) =>
        element.Time(name) ?? throw new FormatException($"The Shopify data has no '{name}'.");

    /// <summary>Shop money from <c>{name}_set.shop_money.amount</c> when present, else the plain <c>{name}</c> string; 0 when neither.</summary>
    public static long Money(this JsonElement element, string name, string currency, string? setName = null) =>
        (element.Child(setName ?? name + "_set")?.Child("shop_money")?.String("amount") ?? element.String(name)) is { } amount
            ? MinorUnits.Parse(amount, currency)
            : 0;

    public static IEnumerable<JsonElement> Array(this JsonElement element, string name) =>
        element.Child(name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    /// <summary>Shopify's REST tags: one comma-separated string.</summary>
    public static IReadOnlyList<string> Tags(this JsonElement element, string name) =>
        element.String(name) is { } tags
            ? [.. tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
            : [];
}
