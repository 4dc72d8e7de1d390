using System.Text;
using Microsoft.AspNetCore.Http;
using SooperSeller.Core.Errors;
using SooperSeller.Functions.Stores;

namespace SooperSeller.UnitTests.Functions.Stores;

public sealed class ShopifyWebhookDeliveryReaderTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":1,"name":"#1001"}""");

    [Theory]
    [InlineData("X-Shopify-")]
    [InlineData("x-shopify-")]
    [InlineData("Shopify-")]
    [InlineData("SHOPIFY-")]
    public void Read_HeadersWithOrWithoutThePrefix_InAnyCase(string prefix)
    {
        var headers = new HeaderDictionary
        {
            [prefix + "Topic"] = "Orders/Create",
            [prefix + "Shop-Domain"] = "Alpha-Apparel.myshopify.com",
            [prefix + "Webhook-Id"] = "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043",
            [prefix + "Event-Id"] = "98880550-7158-44d4-b7cd-2c97c8a091b5",
            [prefix + "Triggered-At"] = "2026-11-28T09:59:58.877041743Z",
            [prefix + "API-Version"] = "2026-10",
        };

        var delivery = ShopifyWebhookDeliveryReader.Read(headers, Body, Received);

        Assert.Equal(("orders/create", "alpha-apparel.myshopify.com", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043", "98880550-7158-44d4-b7cd-2c97c8a091b5", "2026-10"), (delivery.Topic, delivery.ShopDomain, delivery.WebhookId, delivery.EventId, delivery.ApiVersion));
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 9, 59, 58, TimeSpan.Zero).AddTicks(8770417), delivery.TriggeredAt);
        Assert.Equal(Body, delivery.Payload.ToArray());
    }

    [Fact]
    public void Read_WithoutEventIdOrTime_FallsBackToTheWebhookIdAndTheReceiptTime()
    {
        var headers = new HeaderDictionary { ["X-Shopify-Topic"] = "shop/redact", ["X-Shopify-Shop-Domain"] = "alpha.myshopify.com", ["X-Shopify-Webhook-Id"] = "wh-1", ["X-Shopify-Triggered-At"] = "yesterday" };

        var delivery = ShopifyWebhookDeliveryReader.Read(headers, Body, Received);

        Assert.Equal(("wh-1", Received, string.Empty), (delivery.EventId, delivery.TriggeredAt, delivery.ApiVersion));
    }

    [Fact]
    public void Read_MissingRequiredHeadersAndNoObjectBody_Is400NamingEach()
    {
        var error = Assert.Throws<ValidationFailedException>(() => ShopifyWebhookDeliveryReader.Read(new HeaderDictionary(), Encoding.UTF8.GetBytes("[1,2]"), Received));

        Assert.Equal(["$", "X-Shopify-Shop-Domain", "X-Shopify-Topic", "X-Shopify-Webhook-Id"], error.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("X-Shopify-Topic", "orders")]
    [InlineData("X-Shopify-Topic", "orders/create; drop")]
    [InlineData("X-Shopify-Shop-Domain", "alpha.example.com")]
    [InlineData("X-Shopify-Webhook-Id", "a/b")]
    [InlineData("X-Shopify-Event-Id", "evt#1")]
    public void Read_MalformedHeader_Is400NamingIt(string header, string value)
    {
        var headers = new HeaderDictionary { ["X-Shopify-Topic"] = "orders/create", ["X-Shopify-Shop-Domain"] = "alpha.myshopify.com", ["X-Shopify-Webhook-Id"] = "wh-1" };
        headers[header] = value;

        var error = Assert.Throws<ValidationFailedException>(() => ShopifyWebhookDeliveryReader.Read(headers, Body, Received));

        Assert.Equal([header], error.Errors.Keys);
    }

    [Theory]
    [InlineData("""{"a":1}""", true)]
    [InlineData("""  {"a":{"b":[1,2,{}]}}  """, true)]
    [InlineData("{}", true)]
    [InlineData("""{"a":1} {"b":2}""", false)]
    [InlineData("""{"a":1""", false)]
    [InlineData("[]", false)]
    [InlineData("\"text\"", false)]
    [InlineData("", false)]
    [InlineData("not json", false)]
    public void IsJsonObject_OneCompleteObjectOnly(string body, bool expected) =>
        Assert.Equal(expected, ShopifyWebhookDeliveryReader.IsJsonObject(Encoding.UTF8.GetBytes(body)));
}
