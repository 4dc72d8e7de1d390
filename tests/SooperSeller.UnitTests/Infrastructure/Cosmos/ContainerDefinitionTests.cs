using Microsoft.Azure.Cosmos;
using SooperSeller.Infrastructure.Cosmos;

namespace SooperSeller.UnitTests.Infrastructure.Cosmos;

public class ContainerDefinitionTests
{
    private static readonly ContainerDefinition Orders = new("orders", null,
    [
        new CompositeIndex(new IndexedPath("/createdAt", Descending: true), new IndexedPath("/id", Descending: true)),
    ]);

    [Theory]
    [InlineData("SELECT * FROM c ORDER BY c.createdAt DESC, c.id DESC")]
    [InlineData("SELECT * FROM c ORDER BY c.createdAt ASC, c.id ASC")]
    [InlineData("SELECT * FROM c ORDER BY c.createdAt, c.id OFFSET 0 LIMIT 10")]
    [InlineData("SELECT * FROM c WHERE c.x = @x ORDER BY c.total")]
    [InlineData("SELECT VALUE COUNT(1) FROM c")]
    public void EnsureIndexed_QueryServedByAnIndexOrSingleField_Passes(string query)
    {
        Orders.EnsureIndexed(query);
    }

    [Theory]
    [InlineData("SELECT * FROM c ORDER BY c.createdAt DESC, c.id ASC")]
    [InlineData("SELECT * FROM c ORDER BY c.id DESC, c.createdAt DESC")]
    [InlineData("SELECT * FROM c ORDER BY c.createdAt DESC, c.id DESC, c.total DESC")]
    [InlineData("select * from c order by c.status, c.createdAt")]
    public void EnsureIndexed_MultiFieldOrderWithoutIndex_Throws(string query)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Orders.EnsureIndexed(query));

        Assert.Contains("composite index", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToContainerProperties_CarriesPartitionKeyTtlAndCompositeIndexes()
    {
        var properties = TenantContainers.Activity.ToContainerProperties();
        var orders = Orders.ToContainerProperties();

        Assert.Equal("/merchantId", properties.PartitionKeyPath);
        Assert.Equal(90 * 24 * 60 * 60, properties.DefaultTimeToLive);
        var index = Assert.Single(orders.IndexingPolicy.CompositeIndexes);
        Assert.Equal(["/createdAt", "/id"], index.Select(p => p.Path));
        Assert.All(index, p => Assert.Equal(CompositePathSortOrder.Descending, p.Order));
    }

    [Fact]
    public void All_DeclaresEachContainerOfTheArchitectureOnce_PartitionedByMerchant()
    {
        var names = TenantContainers.All.Select(c => c.Name).ToList();

        Assert.Equal(["merchants", "orders", "inventory", "finance", "activity", "compliance"], names);
        Assert.All(TenantContainers.All, c => Assert.Equal("/merchantId", c.ToContainerProperties().PartitionKeyPath));
    }
}
