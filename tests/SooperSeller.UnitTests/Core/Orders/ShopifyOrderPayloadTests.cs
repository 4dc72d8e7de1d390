using System.Text.Json.Nodes;
using SooperSeller.Core.Orders;

namespace SooperSeller.UnitTests.Core.Orders;

public sealed class ShopifyOrderPayloadTests
{
    [Fact]
    public void Parse_FullOrder_MapsEveryField()
    {
        var payload = OrderPayloads.Order(note: "Call before delivery");

        var (id, order) = ShopifyOrderPayload.Parse(OrderPayloads.Bytes(payload), OrderSyncSettings.Default);

        Assert.Equal(5001, id);
        Assert.Equal("#1001", order.Name);
        Assert.Equal(1001, order.Number);
        Assert.Equal("pending", order.FinancialStatus);
        Assert.Null(order.FulfillmentStatus);
        Assert.Equal(new OrderTotals("PKR", Total: 500050, CurrentTotal: 500050, Outstanding: 500050, Subtotal: 480000, Discounts: 20000, Shipping: 20050, Tax: 0), order.Totals);
        Assert.Equal(["Cash on Delivery (COD)"], order.PaymentGatewayNames);
        Assert.True(order.IsCod);
        Assert.Equal(["vip", "repeat"], order.Tags);
        Assert.Equal("Call before delivery", order.Note);
        Assert.False(order.Test);
        Assert.Equal(OrderPayloads.Created, order.CreatedAt);
        Assert.Null(order.CancelledAt);
        Assert.Equal(8001, order.CustomerId);
        var line = Assert.Single(order.LineItems);
        Assert.Equal(new OrderLineItem(9001, "LAWN-01", 7001, 6001, "Lawn suit", "Red", 2, 2, 250000, 20000), line);
        var shipping = order.Shipping!;
        Assert.Equal("Ayesha Khan", shipping.Name);
        Assert.Equal("House 12, Street 4", shipping.Address1);
        Assert.Equal("DHA Phase 6", shipping.Address2);
        Assert.Equal("Karachi", shipping.City);
        Assert.Equal("Sindh", shipping.Province);
        Assert.Equal("75500", shipping.PostalCode);
        Assert.Equal("PK", shipping.CountryCode);
        Assert.Equal("ayesha@example.pk", shipping.Email);
        Assert.Equal(new CustomerPhone("0300-1234567", "+923001234567"), shipping.Phone);
    }

    [Fact]
    public void Parse_Cancelled_CarriesTimeReasonAndZeroCurrentTotal()
    {
        var at = OrderPayloads.Created.AddHours(3);

        var (_, order) = ShopifyOrderPayload.Parse(OrderPayloads.Bytes(OrderPayloads.Order(updatedAt: at, cancelled: true)), OrderSyncSettings.Default);

        Assert.Equal(at, order.CancelledAt);
        Assert.Equal("customer", order.CancelReason);
        Assert.Equal(0, order.Totals.CurrentTotal);
        Assert.Equal(500050, order.Totals.Total);
    }

    [Fact]
    public void Parse_ProtectedCustomerDataWithheld_HasNoShippingDetails()
    {
        var payload = OrderPayloads.Order();
        payload["shipping_address"] = null;
        payload["customer"] = null;
        payload["email"] = null;
        payload.Remove("phone");

        var (_, order) = ShopifyOrderPayload.Parse(OrderPayloads.Bytes(payload), OrderSyncSettings.Default);

        Assert.Null(order.Shipping);
        Assert.Null(order.CustomerId);
        Assert.Equal(500050, order.Totals.Total);
    }

    [Fact]
    public void Parse_AddressWithNullFieldsAndBadPhone_KeepsWhatThereIs()
    {
        var payload = OrderPayloads.Order();
        var address = payload["shipping_address"]!.AsObject();
        address["name"] = null;
        address["address1"] = null;
        address["phone"] = "rider knows";
        payload["email"] = null;
        payload["customer"] = new JsonObject { ["id"] = 8001, ["email"] = null };

        var (_, order) = ShopifyOrderPayload.Parse(OrderPayloads.Bytes(payload), OrderSyncSettings.Default);

        Assert.Null(order.Shipping!.Name);
        Assert.Null(order.Shipping.Address1);
        Assert.Null(order.Shipping.Email);
        Assert.Equal("Karachi", order.Shipping.City);
        Assert.Equal(new CustomerPhone("rider knows", null), order.Shipping.Phone);
    }

    [Fact]
    public void Parse_PrepaidGatewayOrMerchantsOwnCodName_FollowsTheSettings()
    {
        var payload = OrderPayloads.Order();
        payload["payment_gateway_names"] = new JsonArray("Pay the rider");

        var (_, byDefault) = ShopifyOrderPayload.Parse(OrderPayloads.Bytes(payload), OrderSyncSettings.Default);
        var (_, byMerchant) = ShopifyOrderPayload.Parse(OrderPayloads.Bytes(payload), new OrderSyncSettings(["pay the rider"]));

        Assert.False(byDefault.IsCod);
        Assert.True(byMerchant.IsCod);
    }
}
