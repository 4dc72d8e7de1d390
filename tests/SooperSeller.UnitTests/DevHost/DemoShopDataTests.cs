using System.Text.Json;
using System.Text.RegularExpressions;
using SooperSeller.DevHost.Sandbox;
using Xunit;

namespace SooperSeller.UnitTests.DevHost;

/// <summary>
/// The sandbox demo shop looks like a Pakistani COD seller's (so the product shows what it is for) and is the same on
/// every run (so what a developer sees and what a test asserts are repeatable).
/// </summary>
public sealed partial class DemoShopDataTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Same_seed_and_clock_give_the_same_shop()
    {
        var first = JsonSerializer.Serialize(DemoShopData.Create(Now));
        var second = JsonSerializer.Serialize(DemoShopData.Create(Now));
        var other = JsonSerializer.Serialize(DemoShopData.Create(Now, seed: 7));

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Has_two_locations_a_catalogue_and_three_hundred_orders_in_time_order()
    {
        var shop = DemoShopData.Create(Now);

        Assert.Equal(["Karachi Warehouse", "Lahore Store"], shop.Locations!.Select(l => l.Name));
        Assert.InRange(shop.Products!.Count, 20, 30);
        Assert.Equal(shop.Products.SelectMany(p => p.Variants!).Count(), shop.Products.SelectMany(p => p.Variants!).Select(v => v.Sku).Distinct().Count());
        Assert.Equal(DemoShopData.DefaultOrderCount, shop.Orders!.Count);
        Assert.Equal(shop.Orders.Select(o => o.CreatedAt), shop.Orders.Select(o => o.CreatedAt).Order());
        Assert.All(shop.Orders, o => Assert.True(o.CreatedAt <= Now && o.UpdatedAt >= o.CreatedAt && o.UpdatedAt <= Now));
    }

    [Fact]
    public void Most_orders_are_recent_and_exactly_five_are_older_than_the_backfill_window()
    {
        var orders = DemoShopData.Create(Now).Orders!;

        Assert.Equal(DemoShopData.OrdersOutsideBackfillWindow, orders.Count(o => o.CreatedAt < Now.AddYears(-2)));
        Assert.Equal(orders.Count - DemoShopData.OrdersOutsideBackfillWindow, orders.Count(o => o.CreatedAt >= Now.AddDays(-181)));
    }

    [Fact]
    public void Mostly_cash_on_delivery_with_some_prepaid()
    {
        var orders = DemoShopData.Create(Now).Orders!;
        var gateways = orders.Select(o => Assert.Single(o.PaymentGatewayNames!)).ToList();

        var codShare = gateways.Count(g => g == DemoShopData.CashOnDelivery) / (double)orders.Count;
        Assert.InRange(codShare, 0.7, 0.92);
        Assert.All(gateways.Where(g => g != DemoShopData.CashOnDelivery), g => Assert.Contains(g, DemoShopData.PrepaidGateways));
        Assert.True(DemoShopData.PrepaidGateways.All(gateways.Contains), "every prepaid gateway appears");
        Assert.All(orders.Where(o => o.PaymentGatewayNames![0] != DemoShopData.CashOnDelivery && o.CancelledAt is null), o => Assert.Equal("PAID", o.FinancialStatus));
    }

    [Fact]
    public void Some_are_cancelled_many_fulfilled_some_archived()
    {
        var orders = DemoShopData.Create(Now).Orders!;
        var cancelled = orders.Where(o => o.CancelledAt is not null).ToList();

        Assert.InRange(cancelled.Count, 10, 45);
        Assert.All(cancelled, o =>
        {
            Assert.NotNull(o.CancelReason);
            Assert.Equal("UNFULFILLED", o.FulfillmentStatus);
            Assert.Contains(o.FinancialStatus, new[] { "VOIDED", "REFUNDED" });
            Assert.True(o.CancelledAt >= o.CreatedAt);
        });
        Assert.InRange(orders.Count(o => o.FulfillmentStatus == "FULFILLED"), 150, 290);
        Assert.Contains(orders, o => o.ClosedAt is not null && o.CancelledAt is null);
        Assert.Contains(orders, o => o.FinancialStatus == "PENDING");
    }

    [Fact]
    public void Amounts_are_positive_with_one_to_four_lines_from_the_catalogue()
    {
        var shop = DemoShopData.Create(Now);
        var skus = shop.Products!.SelectMany(p => p.Variants!).ToDictionary(v => v.Sku!, v => v.Price!.Value);

        Assert.All(shop.Orders!, o =>
        {
            Assert.InRange(o.LineItems!.Count, 1, 4);
            Assert.All(o.LineItems, l =>
            {
                Assert.Equal(skus[l.Sku!], l.Price);
                Assert.InRange(l.Quantity, 1, 3);
            });
            var goods = o.LineItems.Sum(l => l.Price!.Value * l.Quantity);
            Assert.True(o.ShippingPrice >= 0 && (o.Discount ?? 0) >= 0 && (o.Discount ?? 0) < goods);
            Assert.True(goods - (o.Discount ?? 0) + o.ShippingPrice > 0);
        });
        Assert.Contains(shop.Orders!, o => o.Discount > 0);
        Assert.Contains(shop.Orders!, o => o.LineItems!.Count == 4);
        Assert.Contains(shop.Orders!, o => o.ShippingPrice > 0);
    }

    [Fact]
    public void Phones_come_in_every_format_merchants_see()
    {
        var phones = DemoShopData.Create(Now).Orders!.Select(o => o.ShippingAddress!.Phone!).ToList();

        Assert.Contains(phones, p => LocalDashed().IsMatch(p));
        Assert.Contains(phones, p => Local().IsMatch(p));
        Assert.Contains(phones, p => InternationalSpaced().IsMatch(p));
        Assert.Contains(phones, p => InternationalNoPlus().IsMatch(p));
        Assert.Contains(phones, p => UrduDigits().IsMatch(p));
        var wellFormed = phones.Count(p => LocalDashed().IsMatch(p) || Local().IsMatch(p) || InternationalSpaced().IsMatch(p)
            || InternationalNoPlus().IsMatch(p) || E164().IsMatch(p) || UrduDigits().IsMatch(p));
        Assert.InRange(phones.Count - wellFormed, 3, 40); // a few malformed ones
    }

    [Fact]
    public void Customers_are_spread_over_pakistani_cities_with_their_provinces()
    {
        var addresses = DemoShopData.Create(Now).Orders!.Select(o => o.ShippingAddress!).ToList();

        Assert.True(addresses.Select(a => a.City).Distinct().Count() >= 10);
        Assert.All(addresses, a =>
        {
            Assert.Equal("PK", a.CountryCodeV2);
            Assert.Contains(a.ProvinceCode, new[] { "SD", "PB", "IS", "KP", "BA" });
            Assert.False(string.IsNullOrWhiteSpace(a.Address1));
            Assert.False(string.IsNullOrWhiteSpace(a.FirstName));
        });
        Assert.All(addresses.Where(a => a.City == "Lahore"), a => Assert.Equal("Punjab", a.Province));
        Assert.All(addresses.Where(a => a.City == "Karachi"), a => Assert.Equal("Sindh", a.Province));
    }

    [GeneratedRegex(@"^03\d{2}-\d{7}$")]
    private static partial Regex LocalDashed();

    [GeneratedRegex(@"^03\d{9}$")]
    private static partial Regex Local();

    [GeneratedRegex(@"^\+92 3\d{2} \d{7}$")]
    private static partial Regex InternationalSpaced();

    [GeneratedRegex(@"^923\d{9}$")]
    private static partial Regex InternationalNoPlus();

    [GeneratedRegex(@"^\+923\d{9}$")]
    private static partial Regex E164();

    [GeneratedRegex(@"^[\u06F0-\u06F9]{11}$")]
    private static partial Regex UrduDigits();
}
