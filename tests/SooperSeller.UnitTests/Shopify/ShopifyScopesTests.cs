using SooperSeller.Shopify;

namespace SooperSeller.UnitTests.Shopify;

public class ShopifyScopesTests
{
    [Fact]
    public void Missing_WriteGranted_CoversRead()
    {
        var missing = ShopifyScopes.Missing(["write_orders"], ["read_orders", "write_orders"]);

        Assert.Empty(missing);
    }

    [Fact]
    public void Missing_ReadGranted_DoesNotCoverWrite()
    {
        var missing = ShopifyScopes.Missing(["read_orders"], ["read_orders", "write_orders"]);

        Assert.Equal(["write_orders"], missing);
    }

    [Fact]
    public void Missing_WriteOrders_DoesNotCoverReadAllOrders()
    {
        var missing = ShopifyScopes.Missing(["write_orders"], ["read_all_orders"]);

        Assert.Equal(["read_all_orders"], missing);
    }

    [Fact]
    public void Missing_ShopifysCollapsedGrantOfEverythingRequired_IsEmpty()
    {
        // What Shopify reports after approving ShopifyScopes.Required: write scopes stand for their read pairs.
        var granted = ShopifyScopes.Parse(
            "write_orders,read_all_orders,read_customers,read_products,write_inventory,read_locations,write_merchant_managed_fulfillment_orders");

        var missing = ShopifyScopes.Missing(granted, ShopifyScopes.Required);

        Assert.Empty(missing);
    }

    [Fact]
    public void Missing_MerchantRemovedAScopeFromTheUrl_NamesIt()
    {
        var granted = ShopifyScopes.Parse("write_orders, read_all_orders,read_products,write_inventory,read_locations,write_merchant_managed_fulfillment_orders");

        var missing = ShopifyScopes.Missing(granted, ShopifyScopes.Required);

        Assert.Equal(["read_customers"], missing);
    }

    [Fact]
    public void Required_NamesEveryScopeLaterFeaturesNeed()
    {
        Assert.Superset(
            new HashSet<string>(["read_orders", "write_orders", "read_all_orders", "read_customers", "read_products", "read_inventory",
                "write_inventory", "read_locations", "read_merchant_managed_fulfillment_orders", "write_merchant_managed_fulfillment_orders"]),
            ShopifyScopes.Required.ToHashSet());
    }
}
