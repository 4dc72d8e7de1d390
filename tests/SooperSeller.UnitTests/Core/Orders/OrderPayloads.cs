using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace SooperSeller.UnitTests.Core.Orders;

/// <summary>Builds Shopify REST order payloads in the webhook shape (as the simulator's rest-shapes.js emits them).</summary>
internal static class OrderPayloads
{
    public static readonly DateTimeOffset Created = new(2026, 11, 1, 9, 0, 0, TimeSpan.FromHours(5));

    public static JsonObject Order(long id = 5001, DateTimeOffset? updatedAt = null, string? note = null, bool cancelled = false, string financial = "pending")
    {
        var updated = updatedAt ?? Created;
        return new JsonObject
        {
            ["id"] = id,
            ["name"] = "#1001",
            ["order_number"] = 1001,
            ["created_at"] = Time(Created),
            ["updated_at"] = Time(updated),
            ["cancelled_at"] = cancelled ? Time(updated) : null,
            ["cancel_reason"] = cancelled ? "customer" : null,
            ["test"] = false,
            ["email"] = "ayesha@example.pk",
            ["phone"] = null,
            ["note"] = note,
            ["tags"] = "vip, repeat",
            ["currency"] = "PKR",
            ["financial_status"] = financial,
            ["fulfillment_status"] = null,
            ["payment_gateway_names"] = new JsonArray("Cash on Delivery (COD)"),
            ["subtotal_price"] = "4800.00",
            ["total_price"] = "5000.50",
            ["current_total_price"] = cancelled ? "0.00" : "5000.50",
            ["total_discounts"] = "200.00",
            ["total_tax"] = "0.00",
            ["total_outstanding"] = "5000.50",
            ["total_price_set"] = Set("5000.50"),
            ["total_shipping_price_set"] = Set("200.50"),
            ["line_items"] = new JsonArray(
                new JsonObject
                {
                    ["id"] = 9001,
                    ["sku"] = "LAWN-01",
                    ["title"] = "Lawn suit",
                    ["variant_title"] = "Red",
                    ["variant_id"] = 7001,
                    ["product_id"] = 6001,
                    ["quantity"] = 2,
                    ["current_quantity"] = cancelled ? 0 : 2,
                    ["price"] = "2500.00",
                    ["price_set"] = Set("2500.00"),
                    ["total_discount"] = "200.00",
                    ["discount_allocations"] = new JsonArray(new JsonObject { ["amount"] = "200.00", ["amount_set"] = Set("200.00") }),
                }),
            ["shipping_address"] = new JsonObject
            {
                ["first_name"] = "Ayesha",
                ["last_name"] = "Khan",
                ["name"] = "Ayesha Khan",
                ["address1"] = "House 12, Street 4",
                ["address2"] = "DHA Phase 6",
                ["city"] = "Karachi",
                ["province"] = "Sindh",
                ["province_code"] = "SD",
                ["zip"] = "75500",
                ["country"] = "Pakistan",
                ["country_code"] = "PK",
                ["phone"] = "0300-1234567",
            },
            ["customer"] = new JsonObject { ["id"] = 8001, ["email"] = "ayesha@example.pk", ["phone"] = "+923001234567" },
        };
    }

    public static ReadOnlyMemory<byte> Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    public static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static JsonObject Set(string amount) => new()
    {
        ["shop_money"] = new JsonObject { ["amount"] = amount, ["currency_code"] = "PKR" },
        ["presentment_money"] = new JsonObject { ["amount"] = amount, ["currency_code"] = "USD" },
    };
}
