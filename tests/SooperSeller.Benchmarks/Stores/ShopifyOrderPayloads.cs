using System.Globalization;
using System.Text.Json;

namespace SooperSeller.Benchmarks.Stores;

/// <summary>
/// Order webhook bodies in Shopify's REST shape (the orders/create payload: money sets, line items with tax and
/// discount allocations, addresses, customer), grown with line items to about the size asked for. Invented people
/// and places only.
/// </summary>
internal static class ShopifyOrderPayloads
{
    private static readonly string[] Products = ["Lawn suit 3-piece", "Khaddar shawl", "Embroidered kurta", "Peshawari chappal", "Silk dupatta", "Cotton shalwar"];
    private static readonly string[] Cities = ["Karachi", "Lahore", "Islamabad", "Faisalabad", "Multan", "Peshawar"];

    public static byte[] Order(Random random, long number, int targetBytes)
    {
        var id = 5_600_000_000_000L + number;
        var lines = new List<object>();
        byte[] body;
        do
        {
            lines.Add(Line(random, id, lines.Count));
            body = Serialise(random, id, number, lines);
        }
        while (body.Length < targetBytes);

        return body;
    }

    private static byte[] Serialise(Random random, long id, long number, List<object> lines)
    {
        var city = Cities[(int)(number % Cities.Length)];
        var address = new Dictionary<string, object?>
        {
            ["first_name"] = "Ayesha", ["last_name"] = "Test", ["address1"] = "House 12, Street 4, Block B", ["address2"] = "Near the park",
            ["city"] = city, ["province"] = "Sindh", ["province_code"] = "SD", ["country"] = "Pakistan", ["country_code"] = "PK",
            ["zip"] = "75500", ["phone"] = "0300-1234567", ["name"] = "Ayesha Test", ["company"] = null, ["latitude"] = null, ["longitude"] = null,
        };
        var total = (random.Next(1_000, 50_000) * 100).ToString(CultureInfo.InvariantCulture);
        var order = new Dictionary<string, object?>
        {
            ["id"] = id,
            ["admin_graphql_api_id"] = $"gid://shopify/Order/{id}",
            ["name"] = "#" + (1000 + number).ToString(CultureInfo.InvariantCulture),
            ["order_number"] = 1000 + number,
            ["email"] = "ayesha.test@example.pk",
            ["phone"] = "+923001234567",
            ["created_at"] = "2026-11-28T15:00:27+05:00",
            ["updated_at"] = "2026-11-28T15:00:28+05:00",
            ["processed_at"] = "2026-11-28T15:00:27+05:00",
            ["currency"] = "PKR",
            ["presentment_currency"] = "PKR",
            ["financial_status"] = "pending",
            ["fulfillment_status"] = null,
            ["confirmed"] = true,
            ["test"] = false,
            ["gateway"] = "Cash on Delivery (COD)",
            ["payment_gateway_names"] = new[] { "Cash on Delivery (COD)" },
            ["total_price"] = total,
            ["subtotal_price"] = total,
            ["current_total_price"] = total,
            ["total_outstanding"] = total,
            ["total_discounts"] = "0.00",
            ["total_tax"] = "0.00",
            ["total_price_set"] = MoneySet(total),
            ["current_total_price_set"] = MoneySet(total),
            ["tags"] = "cod, whatsapp-confirmed",
            ["note"] = "Please call before delivery",
            ["note_attributes"] = Array.Empty<object>(),
            ["source_name"] = "web",
            ["token"] = Guid.NewGuid().ToString("N"),
            ["line_items"] = lines,
            ["shipping_lines"] = new[] { new Dictionary<string, object?> { ["id"] = id + 1, ["title"] = "Standard", ["price"] = "250.00", ["price_set"] = MoneySet("250.00"), ["code"] = "Standard", ["source"] = "shopify" } },
            ["shipping_address"] = address,
            ["billing_address"] = address,
            ["customer"] = new Dictionary<string, object?>
            {
                ["id"] = id + 2, ["email"] = "ayesha.test@example.pk", ["first_name"] = "Ayesha", ["last_name"] = "Test", ["phone"] = "+923001234567",
                ["state"] = "enabled", ["verified_email"] = true, ["currency"] = "PKR", ["default_address"] = address,
                ["created_at"] = "2026-01-02T10:00:00+05:00", ["updated_at"] = "2026-11-28T15:00:27+05:00",
            },
        };
        return JsonSerializer.SerializeToUtf8Bytes(order);
    }

    private static Dictionary<string, object?> Line(Random random, long orderId, int index)
    {
        var price = (random.Next(5, 200) * 100).ToString(CultureInfo.InvariantCulture) + ".00";
        var title = Products[random.Next(Products.Length)];
        return new Dictionary<string, object?>
        {
            ["id"] = orderId * 10 + index,
            ["admin_graphql_api_id"] = $"gid://shopify/LineItem/{orderId * 10 + index}",
            ["variant_id"] = 40_000_000_000L + random.Next(1_000_000),
            ["product_id"] = 7_000_000_000L + random.Next(1_000_000),
            ["title"] = title,
            ["variant_title"] = "Medium / Maroon",
            ["name"] = title + " - Medium / Maroon",
            ["sku"] = "SKU-" + random.Next(10_000, 99_999).ToString(CultureInfo.InvariantCulture),
            ["vendor"] = "Test Textiles",
            ["quantity"] = random.Next(1, 4),
            ["price"] = price,
            ["price_set"] = MoneySet(price),
            ["total_discount"] = "0.00",
            ["total_discount_set"] = MoneySet("0.00"),
            ["discount_allocations"] = Array.Empty<object>(),
            ["tax_lines"] = new[] { new Dictionary<string, object?> { ["title"] = "GST", ["price"] = "0.00", ["rate"] = 0.0, ["price_set"] = MoneySet("0.00") } },
            ["requires_shipping"] = true,
            ["taxable"] = false,
            ["gift_card"] = false,
            ["fulfillment_service"] = "manual",
            ["fulfillable_quantity"] = 1,
            ["grams"] = 450,
            ["properties"] = Array.Empty<object>(),
        };
    }

    private static Dictionary<string, object> MoneySet(string amount) => new()
    {
        ["shop_money"] = new Dictionary<string, string> { ["amount"] = amount, ["currency_code"] = "PKR" },
        ["presentment_money"] = new Dictionary<string, string> { ["amount"] = amount, ["currency_code"] = "PKR" },
    };
}
