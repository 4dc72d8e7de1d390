using SooperSeller.DevHost.Emulators;

namespace SooperSeller.DevHost.Sandbox;

/// <summary>
/// The demo store's catalogue: what a typical Pakistani Shopify seller lists (lawn suits, kurtas, khussas, cosmetics,
/// phone accessories), with SKUs and PKR prices. Sized items have one variant per size, so orders exercise variants.
/// </summary>
internal static class DemoCatalogue
{
    public static IReadOnlyList<SimProduct> Products { get; } =
    [
        Product("Embroidered Lawn Suit 3-Piece (Unstitched)", "LWN-EMB3", 4950m, "Clothing", "lawn", "eid"),
        Product("Printed Lawn Suit 2-Piece (Unstitched)", "LWN-PRT2", 2990m, "Clothing", "lawn"),
        Product("Chiffon Dupatta", "DUP-CHF", 1450m, "Clothing"),
        Sized("Men's Cotton Kurta", "KRT-COT", 2499m, "Clothing", ["S", "M", "L", "XL"]),
        Sized("Men's Wash & Wear Shalwar Kameez", "SK-WW", 3999m, "Clothing", ["M", "L", "XL"]),
        Product("Khaddar Shawl", "SHL-KHD", 2200m, "Clothing", "winter"),
        Sized("Kids Kurta Pajama", "KID-KP", 1799m, "Clothing", ["2-3Y", "4-5Y", "6-7Y"]),
        Sized("Linen Kurti", "KRTI-LIN", 2750m, "Clothing", ["S", "M", "L"]),
        Sized("Women's Embroidered Khussa", "KHS-W", 1899m, "Shoes", ["36", "37", "38", "39", "40"]),
        Sized("Men's Peshawari Chappal", "CHP-PSH", 3499m, "Shoes", ["40", "41", "42", "43", "44"]),
        Sized("Multani Khussa (Men)", "KHS-M", 2299m, "Shoes", ["40", "41", "42", "43"]),
        Sized("Women's Casual Sandals", "SND-W", 1650m, "Shoes", ["36", "37", "38", "39"]),
        Product("Kolhapuri Slippers", "SLP-KOL", 1299m, "Shoes"),
        Sized("Matte Liquid Lipstick", "LIP-MAT", 850m, "Cosmetics", ["Ruby", "Mauve", "Nude"]),
        Product("Vitamin C Face Wash 100ml", "FW-VC100", 650m, "Cosmetics"),
        Product("Herbal Hair Oil 200ml", "OIL-HRB200", 750m, "Cosmetics"),
        Product("Kohl Kajal Pencil", "KJL-BLK", 399m, "Cosmetics"),
        Product("Mehndi Cones (Pack of 12)", "MHD-12", 480m, "Cosmetics", "eid"),
        Product("Attar Oudh 12ml", "ATR-OUD12", 1200m, "Cosmetics"),
        Product("20W Fast Charger USB-C", "CHG-20W", 1499m, "Electronics"),
        Product("Braided USB-C Cable 1m", "CBL-C1M", 599m, "Electronics"),
        Product("Wireless Earbuds TWS", "EAR-TWS", 3999m, "Electronics"),
        Product("10000mAh Power Bank", "PWB-10K", 3299m, "Electronics"),
        Sized("Silicone Phone Case", "CSE-SIL", 699m, "Electronics", ["iPhone 13", "Galaxy A54", "Redmi Note 12"]),
        Product("Smart Fitness Band", "WCH-FIT", 4499m, "Electronics"),
        Product("Car Phone Holder", "HLD-CAR", 899m, "Electronics"),
    ];

    /// <summary>Every sellable variant: its SKU and price, what an order line refers to.</summary>
    public static IReadOnlyList<(string Sku, decimal Price)> Variants { get; } =
        [.. Products.SelectMany(p => p.Variants!).Select(v => (v.Sku!, v.Price!.Value))];

    private static SimProduct Product(string title, string sku, decimal price, string type, params string[] tags) =>
        new() { Title = title, Status = "ACTIVE", Tags = [type.ToLowerInvariant(), .. tags], Variants = [new SimVariant(sku, price, InventoryQuantity: 40)] };

    private static SimProduct Sized(string title, string sku, decimal price, string type, IReadOnlyList<string> sizes) =>
        new()
        {
            Title = title,
            Status = "ACTIVE",
            Tags = [type.ToLowerInvariant()],
            Variants = [.. sizes.Select(size => new SimVariant($"{sku}-{size.Replace(' ', '-').ToUpperInvariant()}", price, size, InventoryQuantity: 15))],
        };
}
