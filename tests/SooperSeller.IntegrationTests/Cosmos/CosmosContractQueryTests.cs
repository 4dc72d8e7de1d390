using System.Collections.ObjectModel;
using System.Net;
using Microsoft.Azure.Cosmos;
using Microsoft.Azure.Cosmos.Linq;

namespace SooperSeller.IntegrationTests.Cosmos;

/// <summary>
/// Contract suite, queries: partition-scoped and cross-partition SQL, ORDER BY with continuation tokens, composite
/// indexes, aggregates, OFFSET LIMIT and LINQ. Verified only on the stand-in, like the whole suite (see
/// <see cref="CosmosContractTests"/>).
/// </summary>
public sealed class CosmosContractQueryTests(CosmosContractDatabase database) : IClassFixture<CosmosContractDatabase>, IAsyncLifetime
{
    private static readonly PartitionKey ShopA = new("shopA");
    private static readonly PartitionKey ShopB = new("shopB");
    private static readonly string[] Cats = ["b", "a", "c", "a", "b", "a", "c"];
    private Container? _items;

    private Container Items => _items ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>
    /// shopA: q0..q6 with n = 0, 4, 8, 1, 5, 9, 2; shopB: r0..r6 with n = 100..106; both with cat b, a, c, a, b, a, c.
    /// Every n is unique, so every ORDER BY below has exactly one right answer.
    /// </summary>
    public async Task InitializeAsync()
    {
        _items = await database.CreateContainerAsync("items", properties => properties.IndexingPolicy.CompositeIndexes.Add(
            new Collection<CompositePath>
            {
                new() { Path = "/cat", Order = CompositePathSortOrder.Ascending },
                new() { Path = "/n", Order = CompositePathSortOrder.Descending },
            }));
        for (var i = 0; i < Cats.Length; i++)
        {
            await Items.CreateItemAsync(ContractItem.Of($"q{i}", "shopA", n: i * 37 % 11, cat: Cats[i]), ShopA);
            await Items.CreateItemAsync(ContractItem.Of($"r{i}", "shopB", n: 100 + i, cat: Cats[i]), ShopB);
        }
    }

    public Task DisposeAsync() => database.DeleteContainersAsync();

    // --- Partition-scoped and cross-partition queries, ORDER BY, continuation tokens ------------------------------------
    // https://learn.microsoft.com/azure/cosmos-db/nosql/query/parameterized-queries
    // https://learn.microsoft.com/azure/cosmos-db/nosql/query/order-by (sorted by the first property, then the next)
    // https://learn.microsoft.com/azure/cosmos-db/nosql/query/pagination (at most MaxItemCount items a page, possibly
    //   none; execution is stateless on the server and resumes from a continuation token)
    // https://learn.microsoft.com/azure/cosmos-db/index-policy#composite-indexes (ORDER BY on two or more properties
    //   requires a composite index whose paths and orders match, or are all the opposite)

    [Fact]
    public async Task Query_PartitionScopedWithParameter_ReturnsOnlyThatPartitionsMatches()
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.cat = @cat").WithParameter("@cat", "a");
        using var iterator = Items.GetItemQueryIterator<ContractItem>(query, requestOptions: new QueryRequestOptions { PartitionKey = ShopA });

        var found = await CosmosFeed.DrainAsync(iterator);

        Assert.Equal(["q1", "q3", "q5"], found.Select(x => x.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Query_OrderByOneField_ResumedPageByPageInFreshIterators_ReturnsEveryItemInOrder()
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.n >= @min ORDER BY c.n").WithParameter("@min", 0);
        var options = new QueryRequestOptions { PartitionKey = ShopA, MaxItemCount = 2 };

        var (items, pageSizes) = await CosmosFeed.ReadResumingEachPageAsync<ContractItem>(Items, query, options);

        Assert.Equal([0, 1, 2, 4, 5, 8, 9], items.Select(x => x.N));
        Assert.All(pageSizes, size => Assert.InRange(size, 0, 2));
    }

    [Fact]
    public async Task Query_OrderByTwoFieldsMatchingTheCompositeIndex_ResumedInFreshIterators_ReturnsEveryItemInOrder()
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk ORDER BY c.cat ASC, c.n DESC").WithParameter("@pk", "shopA");
        var options = new QueryRequestOptions { PartitionKey = ShopA, MaxItemCount = 2 };

        var (items, pageSizes) = await CosmosFeed.ReadResumingEachPageAsync<ContractItem>(Items, query, options);

        Assert.Equal(["a9", "a4", "a1", "b5", "b0", "c8", "c2"], items.Select(x => $"{x.Cat}{x.N}"));
        Assert.All(pageSizes, size => Assert.InRange(size, 0, 2));
    }

    [Fact]
    public async Task Query_OrderByTwoFieldsOppositeToTheCompositeIndexOnAllPaths_IsServedInOrder()
    {
        var query = new QueryDefinition("SELECT * FROM c ORDER BY c.cat DESC, c.n ASC");
        using var iterator = Items.GetItemQueryIterator<ContractItem>(query, requestOptions: new QueryRequestOptions { PartitionKey = ShopA });

        var items = await CosmosFeed.DrainAsync(iterator);

        Assert.Equal(["c2", "c8", "b0", "b5", "a1", "a4", "a9"], items.Select(x => $"{x.Cat}{x.N}"));
    }

    [Fact]
    public async Task Query_OrderByTwoFieldsWithNoMatchingCompositeIndex_FailsWith400()
    {
        // (cat ASC, n DESC) is declared; (cat ASC, n ASC) is neither it nor its opposite on all paths.
        var query = new QueryDefinition("SELECT * FROM c ORDER BY c.cat ASC, c.n ASC");
        using var iterator = Items.GetItemQueryIterator<ContractItem>(query, requestOptions: new QueryRequestOptions { PartitionKey = ShopA });

        var error = await CosmosAssert.FailsAsync(() => CosmosFeed.DrainAsync(iterator));

        // The index page says such a query needs a composite index; the REST status page gives 400 for invalid SQL.
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task Query_CrossPartitionWithParameter_ReturnsMatchesFromEveryPartition()
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.cat = @cat").WithParameter("@cat", "a");
        using var iterator = Items.GetItemQueryIterator<ContractItem>(query);

        var found = await CosmosFeed.DrainAsync(iterator);

        Assert.Equal(["q1", "q3", "q5", "r1", "r3", "r5"], found.Select(x => x.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Query_CrossPartitionOrderByDescending_ResumedInFreshIterators_MergesEveryPartitionInOrder()
    {
        var query = new QueryDefinition("SELECT * FROM c ORDER BY c.n DESC");
        var options = new QueryRequestOptions { MaxItemCount = 3 };

        var (items, pageSizes) = await CosmosFeed.ReadResumingEachPageAsync<ContractItem>(Items, query, options);

        Assert.Equal([106, 105, 104, 103, 102, 101, 100, 9, 8, 5, 4, 2, 1, 0], items.Select(x => x.N));
        Assert.All(pageSizes, size => Assert.InRange(size, 0, 3));
    }

    // --- Aggregates -----------------------------------------------------------------------------------------------------
    // https://learn.microsoft.com/azure/cosmos-db/nosql/query/aggregate-functions,
    // https://learn.microsoft.com/azure/cosmos-db/nosql/query/count, https://learn.microsoft.com/azure/cosmos-db/nosql/query/sum
    //   (SELECT VALUE <aggregate> returns one scalar; the SDK combines the partitions' partial results)

    [Fact]
    public async Task Aggregate_CountAndSumValueScopedToAPartition_CoverOnlyThatPartition()
    {
        var options = new QueryRequestOptions { PartitionKey = ShopA };
        using var count = Items.GetItemQueryIterator<long>(new QueryDefinition("SELECT VALUE COUNT(1) FROM c"), requestOptions: options);
        using var sum = Items.GetItemQueryIterator<long>(new QueryDefinition("SELECT VALUE SUM(c.n) FROM c"), requestOptions: options);

        var counts = await CosmosFeed.DrainAsync(count);
        var sums = await CosmosFeed.DrainAsync(sum);

        Assert.Equal([7L], counts);
        Assert.Equal([0L + 4 + 8 + 1 + 5 + 9 + 2], sums);
    }

    [Fact]
    public async Task Aggregate_CountAndSumValueAcrossPartitions_CoverEveryPartition()
    {
        using var count = Items.GetItemQueryIterator<long>(new QueryDefinition("SELECT VALUE COUNT(1) FROM c WHERE c.cat = @cat").WithParameter("@cat", "a"));
        using var sum = Items.GetItemQueryIterator<long>(new QueryDefinition("SELECT VALUE SUM(c.n) FROM c"));

        var counts = await CosmosFeed.DrainAsync(count);
        var sums = await CosmosFeed.DrainAsync(sum);

        Assert.Equal([6L], counts);
        Assert.Equal([29L + 100 + 101 + 102 + 103 + 104 + 105 + 106], sums);
    }

    // --- OFFSET LIMIT ---------------------------------------------------------------------------------------------------
    // https://learn.microsoft.com/azure/cosmos-db/nosql/query/offset-limit (with ORDER BY: skip, then take, over the
    //   ordered values)

    [Theory]
    [InlineData("shopB", "SELECT * FROM c ORDER BY c.n OFFSET 2 LIMIT 3", new[] { "r2", "r3", "r4" })]
    [InlineData(null, "SELECT * FROM c ORDER BY c.n OFFSET 5 LIMIT 4", new[] { "q2", "q5", "r0", "r1" })]
    public async Task Query_OffsetLimitWithOrderBy_SkipsThenTakesTheOrderedItems(string? partition, string sql, string[] expected)
    {
        var options = new QueryRequestOptions { PartitionKey = partition is null ? null : new PartitionKey(partition), MaxItemCount = 2 };
        using var iterator = Items.GetItemQueryIterator<ContractItem>(new QueryDefinition(sql), requestOptions: options);

        var items = await CosmosFeed.DrainAsync(iterator);

        Assert.Equal(expected, items.Select(x => x.Id));
    }

    // --- LINQ -----------------------------------------------------------------------------------------------------------
    // https://learn.microsoft.com/azure/cosmos-db/nosql/query/linq-to-sql (Where, OrderBy, ToFeedIterator, CountAsync;
    //   property names follow the serializer's JsonProperty names)

    [Fact]
    public async Task Linq_WhereOrderByToFeedIterator_ReturnsThePartitionsMatchesInOrder()
    {
        var options = new QueryRequestOptions { PartitionKey = ShopA, MaxItemCount = 2 };
        using var iterator = Items.GetItemLinqQueryable<ContractItem>(requestOptions: options)
            .Where(x => x.N > 2)
            .OrderBy(x => x.N)
            .ToFeedIterator();

        var items = await CosmosFeed.DrainAsync(iterator);

        Assert.Equal(["q1", "q4", "q2", "q5"], items.Select(x => x.Id));
    }

    [Fact]
    public async Task Linq_CountAsync_CountsInOnePartitionAndAcrossPartitions()
    {
        var inShopA = Items.GetItemLinqQueryable<ContractItem>(requestOptions: new QueryRequestOptions { PartitionKey = ShopA });
        var everywhere = Items.GetItemLinqQueryable<ContractItem>();

        var catAInShopA = await inShopA.Where(x => x.Cat == "a").CountAsync();
        var atLeast5Everywhere = await everywhere.Where(x => x.N >= 5).CountAsync();

        Assert.Equal(3, catAInShopA.Resource);
        Assert.Equal(10, atLeast5Everywhere.Resource);
    }
}
