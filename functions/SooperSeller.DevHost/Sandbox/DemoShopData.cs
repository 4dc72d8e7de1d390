using SooperSeller.DevHost.Emulators;

namespace SooperSeller.DevHost.Sandbox;

/// <summary>
/// The sandbox demo store's history before the app was installed: two locations, the catalogue and a few hundred
/// orders of the kind a Pakistani COD seller has (mostly cash on delivery, some prepaid by JazzCash, Easypaisa, bank
/// deposit or card; one to four lines; discounts and shipping fees; some cancelled, most older ones fulfilled and many
/// of those paid and archived), spread over the last six months, plus a few older than the backfill's two-year window
/// so that the window is exercised. Deterministic: the same seed and clock give the same shop on every machine.
/// </summary>
internal static class DemoShopData
{
    public const int DefaultOrderCount = 300;

    /// <summary>Orders older than the backfill window (two years), which it must leave out.</summary>
    public const int OrdersOutsideBackfillWindow = 5;

    public const ulong DefaultSeed = 2026;

    public const string CashOnDelivery = "Cash on Delivery (COD)";

    /// <summary>The gateway names prepaid orders carry, as the merchant's payment apps name themselves.</summary>
    public static IReadOnlyList<string> PrepaidGateways { get; } = ["JazzCash", "Easypaisa", "Bank Deposit", "Safepay (Debit/Credit Card)"];

    public static IReadOnlyList<SimLocation> Locations { get; } =
    [
        new("Karachi Warehouse", "Karachi", Address1: "Plot 27, Sector 7-A, Korangi Industrial Area", Province: "Sindh", ProvinceCode: "SD", Zip: "74900", Phone: "021-35051234"),
        new("Lahore Store", "Lahore", Address1: "Shop 14, Liberty Market, Gulberg III", Province: "Punjab", ProvinceCode: "PB", Zip: "54660", Phone: "042-35761234"),
    ];

    private static readonly (string Item, int Weight)[] CancelReasons = [("CUSTOMER", 6), ("DECLINED", 2), ("FRAUD", 1), ("INVENTORY", 1)];

    private static readonly string[] Notes =
    [
        "Call before delivery", "Deliver after 5 pm", "Please confirm on WhatsApp", "Gift wrap please",
        "شام کو ڈیلیور کریں", "Office address, ask for reception",
    ];

    /// <summary>The demo shop as seeded in the simulator, its clock at <paramref name="now"/>.</summary>
    public static SimSeed Create(DateTimeOffset now, int orderCount = DefaultOrderCount, ulong seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(orderCount, OrdersOutsideBackfillWindow);
        var random = new DemoRandom(seed);

        // Fewer customers than orders: a third of them come back.
        var customers = Enumerable.Range(0, Math.Max(1, orderCount * 3 / 4)).Select(i => DemoPeople.NewCustomer(random, i)).ToList();
        var orders = new List<SimOrder>(orderCount);
        for (var i = 0; i < orderCount; i++)
        {
            var old = i < OrdersOutsideBackfillWindow;
            var createdAt = old
                ? now.AddDays(-random.Next(2 * 365 + 30, 3 * 365))
                : now.AddDays(-Math.Pow(random.NextDouble(), 1.3) * 180); // more orders lately: the shop is growing
            orders.Add(NewOrder(random, random.Pick(customers), AtShopHours(createdAt, now, random), now));
        }

        // Shopify numbers orders in the order they were placed.
        return new SimSeed(Locations, DemoCatalogue.Products, [.. orders.OrderBy(o => o.CreatedAt)]);
    }

    private static SimOrder NewOrder(DemoRandom random, DemoCustomer customer, DateTimeOffset createdAt, DateTimeOffset now)
    {
        var lines = NewLines(random);
        var subtotal = lines.Sum(l => l.Price!.Value * l.Quantity);
        var discount = random.Chance(0.2) ? Discount(random, subtotal) : 0m;
        var shipping = subtotal - discount >= 5000m ? 0m : customer.Address.City is "Karachi" or "Lahore" ? 200m : 250m;
        var prepaid = random.Chance(0.18);
        var age = now - createdAt;
        var cancelled = random.Chance(0.08);
        DateTimeOffset? cancelledAt = cancelled ? Earlier(createdAt.AddHours(random.Next(1, 48)), now) : null;

        // Delivered COD orders get marked paid when the courier's remittance arrives, two to three weeks later.
        var fulfilled = !cancelled && age > TimeSpan.FromDays(random.Next(2, 6)) && random.Chance(0.9);
        var paid = prepaid || (fulfilled && age > TimeSpan.FromDays(21) && random.Chance(0.8));
        var financial = cancelled ? (prepaid ? "REFUNDED" : "VOIDED") : paid ? "PAID" : "PENDING";
        DateTimeOffset? closedAt = !cancelled && fulfilled && paid && age > TimeSpan.FromDays(30) && random.Chance(0.6)
            ? createdAt.AddDays(random.Next(20, 30))
            : null;
        var updatedAt = cancelledAt ?? closedAt ?? (fulfilled ? Earlier(createdAt.AddDays(random.Next(1, 5)), now) : createdAt);
        return new SimOrder
        {
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
            CancelledAt = cancelledAt,
            CancelReason = cancelled ? random.PickWeighted(CancelReasons) : null,
            ClosedAt = closedAt,
            LineItems = lines,
            ShippingPrice = shipping,
            Discount = discount == 0m ? null : discount,
            FinancialStatus = financial,
            FulfillmentStatus = fulfilled ? "FULFILLED" : "UNFULFILLED",
            PaymentGatewayNames = [prepaid ? random.Pick(PrepaidGateways) : CashOnDelivery],
            Tags = prepaid ? ["prepaid"] : random.Chance(0.3) ? ["COD", "WhatsApp confirmed"] : ["COD"],
            Note = random.Chance(0.12) ? random.Pick(Notes) : null,
            Email = customer.Email,
            Customer = new SimCustomer(customer.Address.FirstName, customer.Address.LastName, customer.Email, customer.E164Phone),
            ShippingAddress = customer.Address,
        };
    }

    private static List<SimLineItem> NewLines(DemoRandom random)
    {
        var count = random.PickWeighted<int>([(1, 50), (2, 30), (3, 15), (4, 5)]);
        var lines = new List<SimLineItem>(count);
        while (lines.Count < count)
        {
            var (sku, price) = random.Pick(DemoCatalogue.Variants);
            if (lines.All(l => l.Sku != sku))
            {
                lines.Add(new SimLineItem(sku, Quantity: random.PickWeighted<int>([(1, 80), (2, 15), (3, 5)]), Price: price));
            }
        }

        return lines;
    }

    // A voucher (Rs 200, 300 or 500) or 10% off, always less than the goods.
    private static decimal Discount(DemoRandom random, decimal subtotal)
    {
        var discount = random.Chance(0.5) ? random.Pick<decimal>([200m, 300m, 500m]) : Math.Round(subtotal * 0.10m, 0);
        return Math.Min(discount, Math.Round(subtotal / 2, 0));
    }

    // Orders come in between 9 am and midnight, Pakistan time (UTC+5).
    private static DateTimeOffset AtShopHours(DateTimeOffset at, DateTimeOffset now, DemoRandom random)
    {
        var day = new DateTimeOffset(at.UtcDateTime.Date, TimeSpan.Zero);
        var placed = day.AddHours(9 - 5).AddMinutes(random.Next(0, 15 * 60)).AddSeconds(random.Next(0, 60));
        return placed <= now ? placed : placed.AddDays(-1);
    }

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
