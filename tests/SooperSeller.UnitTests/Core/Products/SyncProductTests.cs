using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SooperSeller.Core.Products;
using SooperSeller.Core.Stores.Webhooks;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.UnitTests.Core.Products;

public sealed class SyncProductTests
{
    private const string StoreId = "sto_00000000000000000000000000000001";
    private static readonly MerchantId Merchant = MerchantId.New();
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Parse_ProductPayload_MapsTitleHandleStatusAndVariants()
    {
        var (id, product) = ShopifyProductPayload.Parse(Bytes(Payload(T0, "Khaddar shawl")));

        Assert.Equal(6001, id);
        Assert.Equal("Khaddar shawl", product.Title);
        Assert.Equal("khaddar-shawl", product.Handle);
        Assert.Equal("active", product.Status);
        Assert.Equal(["winter", "shawl"], product.Tags);
        Assert.Equal(
            [new ShopifyVariant(7001, "Grey", "SHAWL-GRY", "8964000000017", 349950, 400000, 8001, 1), new ShopifyVariant(7002, "Black", "SHAWL-BLK", null, 349950, null, 8002, 2)],
            product.Variants);
    }

    [Fact]
    public async Task Handle_CreateUpdatesAndDeleteInEveryOrder_ConvergeToOneDocument()
    {
        Delivery[] events =
        [
            Content(Payload(T0, "Shawl")),
            Content(Payload(T0.AddMinutes(1), "Shawl, grey")),
            Content(Payload(T0.AddMinutes(1), "Shawl, black")),
            Content(Payload(T0.AddMinutes(2), "Shawl, final")),
            Delete(T0.AddMinutes(2)),
        ];

        var results = new List<string>();
        foreach (var permutation in Permutations(events))
        {
            var products = new InMemoryProducts();
            var handler = new ShopifyProductWebhooks(new SyncProduct(products));
            foreach (var delivery in permutation)
            {
                await handler.HandleAsync(delivery.Webhook, delivery.Payload, CancellationToken.None);
            }

            results.Add(JsonSerializer.Serialize(products.Single with { Version = null }));
        }

        Assert.Equal(120, results.Count);
        Assert.Single(results.Distinct(StringComparer.Ordinal));
        var product = JsonSerializer.Deserialize<Product>(results[0])!;
        Assert.Null(product.Shopify);
        Assert.Equal(T0.AddMinutes(2), product.DeletedAt);
    }

    [Fact]
    public async Task Handle_EqualUpdatedAt_ConvergesOnTheSameContentEitherWay()
    {
        var grey = Content(Payload(T0.AddMinutes(1), "Shawl, grey"));
        var black = Content(Payload(T0.AddMinutes(1), "Shawl, black"));
        var one = new InMemoryProducts();
        var other = new InMemoryProducts();

        await new ShopifyProductWebhooks(new SyncProduct(one)).HandleAsync(grey.Webhook, grey.Payload, CancellationToken.None);
        await new ShopifyProductWebhooks(new SyncProduct(one)).HandleAsync(black.Webhook, black.Payload, CancellationToken.None);
        await new ShopifyProductWebhooks(new SyncProduct(other)).HandleAsync(black.Webhook, black.Payload, CancellationToken.None);
        await new ShopifyProductWebhooks(new SyncProduct(other)).HandleAsync(grey.Webhook, grey.Payload, CancellationToken.None);

        Assert.Equal(one.Single.Shopify!.Title, other.Single.Shopify!.Title);
    }

    private static JsonObject Payload(DateTimeOffset updatedAt, string title) => new()
    {
        ["id"] = 6001,
        ["title"] = title,
        ["handle"] = "khaddar-shawl",
        ["status"] = "active",
        ["vendor"] = "Sim",
        ["product_type"] = "Shawl",
        ["tags"] = "winter, shawl",
        ["created_at"] = T0.ToString("O", CultureInfo.InvariantCulture),
        ["updated_at"] = updatedAt.ToString("O", CultureInfo.InvariantCulture),
        ["variants"] = new JsonArray(
            new JsonObject { ["id"] = 7002, ["title"] = "Black", ["sku"] = "SHAWL-BLK", ["barcode"] = null, ["price"] = "3499.50", ["compare_at_price"] = null, ["position"] = 2, ["inventory_item_id"] = 8002 },
            new JsonObject { ["id"] = 7001, ["title"] = "Grey", ["sku"] = "SHAWL-GRY", ["barcode"] = "8964000000017", ["price"] = "3499.50", ["compare_at_price"] = "4000.00", ["position"] = 1, ["inventory_item_id"] = 8001 }),
    };

    private static ReadOnlyMemory<byte> Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    private static Delivery Content(JsonObject payload) => new(Webhook("products/update", T0.AddHours(1)), Bytes(payload));

    private static Delivery Delete(DateTimeOffset at) => new(Webhook("products/delete", at), Bytes(new JsonObject { ["id"] = 6001 }));

    private static ShopifyWebhook Webhook(string topic, DateTimeOffset triggeredAt) =>
        new(Merchant, StoreId, "shop.myshopify.com", topic, Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), triggeredAt, "2026-10");

    private static IEnumerable<IReadOnlyList<T>> Permutations<T>(IReadOnlyList<T> items)
    {
        if (items.Count <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Count; i++)
        {
            foreach (var tail in Permutations(items.Where((_, j) => j != i).ToList()))
            {
                yield return [items[i], .. tail];
            }
        }
    }

    private sealed record Delivery(ShopifyWebhook Webhook, ReadOnlyMemory<byte> Payload);

    private sealed class InMemoryProducts : IProducts
    {
        private readonly Dictionary<string, Product> _products = new(StringComparer.Ordinal);
        private int _etag;

        public Product Single => _products.Values.Single();

        public Task<Product?> FindAsync(MerchantId merchantId, string productId, CancellationToken cancellationToken) =>
            Task.FromResult(_products.GetValueOrDefault(productId));

        public Task<bool> TryCreateAsync(MerchantId merchantId, Product product, CancellationToken cancellationToken)
        {
            if (_products.ContainsKey(product.Id))
            {
                return Task.FromResult(false);
            }

            _products[product.Id] = product with { Version = $"{++_etag}" };
            return Task.FromResult(true);
        }

        public Task<bool> TryReplaceAsync(MerchantId merchantId, Product product, CancellationToken cancellationToken)
        {
            if (!_products.TryGetValue(product.Id, out var stored) || stored.Version != product.Version)
            {
                return Task.FromResult(false);
            }

            _products[product.Id] = product with { Version = $"{++_etag}" };
            return Task.FromResult(true);
        }
    }
}
