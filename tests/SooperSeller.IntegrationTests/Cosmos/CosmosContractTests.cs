using System.Net;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json;
using SooperSeller.DevHost.Emulators;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Cosmos;

/// <summary>
/// The Cosmos DB contract suite: what Microsoft documents for Azure Cosmos DB for NoSQL, driven through the .NET SDK
/// (Gateway mode) against the run's Cosmos target: the stand-in by default, a real account when
/// <c>Cosmos__Endpoint</c>/<c>Cosmos__Key</c> are set. Expected values come from the documentation pages cited on each
/// group, never from what the stand-in answers.
/// <para>
/// Verified only on the stand-in: every test in this suite (item operations, queries, aggregates, LINQ, patch, TTL,
/// change feed, size limit, fault injection). No real account has been reachable where the suite was written, so a
/// first run against one is still owed.
/// </para>
/// </summary>
/// <remarks>
/// This class covers item operations, optimistic concurrency, partial document update and the item size limit. See also
/// <see cref="CosmosContractQueryTests"/>, <see cref="CosmosContractTtlTests"/>, <see cref="CosmosContractChangeFeedTests"/>
/// and <see cref="CosmosContractFaultTests"/>.
/// </remarks>
public sealed class CosmosContractTests(CosmosContractDatabase database) : IClassFixture<CosmosContractDatabase>, IAsyncLifetime
{
    private static readonly PartitionKey P1 = new("p1");
    private Container? _items;

    private Container Items => _items ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync() => _items = await database.CreateContainerAsync("items");

    public Task DisposeAsync() => database.DeleteContainersAsync();

    // --- Create, read, upsert, replace, delete ------------------------------------------------------------------------
    // https://learn.microsoft.com/rest/api/cosmos-db/http-status-codes-for-cosmosdb (201 create, 200 read/replace,
    //   204 delete, 404 missing, 409 id taken within the partition key value)
    // https://learn.microsoft.com/azure/cosmos-db/nosql/how-to-dotnet-create-item,
    // https://learn.microsoft.com/azure/cosmos-db/nosql/how-to-dotnet-read-item (ETag header = the item's _etag)

    [Fact]
    public async Task CreateItem_NewId_Returns201AndTheItemReadsBackWith200()
    {
        var item = ContractItem.Of("c1", "p1", n: 7, name: "Alpha");

        var created = await Items.CreateItemAsync(item, P1);
        var read = await Items.ReadItemAsync<ContractItem>("c1", P1);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(("c1", "p1", 7, "Alpha"), (read.Resource.Id, read.Resource.Pk, read.Resource.N, read.Resource.Name));
        Assert.False(string.IsNullOrEmpty(created.ETag));
        Assert.Equal(created.ETag, read.ETag);
        Assert.Equal(read.ETag, read.Resource.ETag);
    }

    [Fact]
    public async Task ReadItem_MissingId_Throws404()
    {
        await Items.CreateItemAsync(ContractItem.Of("present", "p1"), P1);

        var error = await CosmosAssert.FailsAsync(() => Items.ReadItemAsync<ContractItem>("absent", P1));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task ReadItem_ExistingIdUnderAnotherPartitionKey_Throws404()
    {
        await Items.CreateItemAsync(ContractItem.Of("shared-id", "p1"), P1);

        var error = await CosmosAssert.FailsAsync(() => Items.ReadItemAsync<ContractItem>("shared-id", new PartitionKey("p2")));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task CreateItem_IdTakenInTheSamePartition_Throws409AndKeepsTheOriginal()
    {
        await Items.CreateItemAsync(ContractItem.Of("dup", "p1", name: "first"), P1);

        var error = await CosmosAssert.FailsAsync(() => Items.CreateItemAsync(ContractItem.Of("dup", "p1", name: "second"), P1));

        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Equal("first", (await Items.ReadItemAsync<ContractItem>("dup", P1)).Resource.Name);
    }

    [Fact]
    public async Task CreateItem_IdTakenOnlyInAnotherPartition_Succeeds()
    {
        await Items.CreateItemAsync(ContractItem.Of("same", "p1", name: "in p1"), P1);

        var created = await Items.CreateItemAsync(ContractItem.Of("same", "p2", name: "in p2"), new PartitionKey("p2"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("in p1", (await Items.ReadItemAsync<ContractItem>("same", P1)).Resource.Name);
        Assert.Equal("in p2", (await Items.ReadItemAsync<ContractItem>("same", new PartitionKey("p2"))).Resource.Name);
    }

    [Fact]
    public async Task UpsertItem_NewThenExisting_Returns201Then200AndReplacesTheItem()
    {
        var inserted = await Items.UpsertItemAsync(ContractItem.Of("u1", "p1", n: 1), P1);

        var updated = await Items.UpsertItemAsync(ContractItem.Of("u1", "p1", n: 2), P1);

        Assert.Equal(HttpStatusCode.Created, inserted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.NotEqual(inserted.ETag, updated.ETag);
        Assert.Equal(2, (await Items.ReadItemAsync<ContractItem>("u1", P1)).Resource.N);
    }

    [Fact]
    public async Task ReplaceItem_WithTheCurrentETag_Returns200AndANewETag()
    {
        var created = await Items.CreateItemAsync(ContractItem.Of("r1", "p1", n: 1), P1);

        var replaced = await Items.ReplaceItemAsync(ContractItem.Of("r1", "p1", n: 2), "r1", P1, new ItemRequestOptions { IfMatchEtag = created.ETag });

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.NotEqual(created.ETag, replaced.ETag);
        Assert.Equal(2, (await Items.ReadItemAsync<ContractItem>("r1", P1)).Resource.N);
    }

    [Fact]
    public async Task DeleteItem_Existing_Returns204AndTheItemIsGone()
    {
        await Items.CreateItemAsync(ContractItem.Of("d1", "p1"), P1);

        var deleted = await Items.DeleteItemAsync<ContractItem>("d1", P1);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CosmosAssert.FailsAsync(() => Items.ReadItemAsync<ContractItem>("d1", P1))).StatusCode);
    }

    [Theory]
    [InlineData("replace")]
    [InlineData("patch")]
    [InlineData("delete")]
    public async Task WriteToMissingId_Throws404AndCreatesNothing(string operation)
    {
        await Items.CreateItemAsync(ContractItem.Of("ghost", "p2"), new PartitionKey("p2"));

        var error = await CosmosAssert.FailsAsync(operation switch
        {
            "replace" => () => Items.ReplaceItemAsync(ContractItem.Of("ghost", "p1"), "ghost", P1),
            "patch" => () => Items.PatchItemAsync<ContractItem>("ghost", P1, [PatchOperation.Set("/n", 1)]),
            "delete" => () => Items.DeleteItemAsync<ContractItem>("ghost", P1),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        });

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CosmosAssert.FailsAsync(() => Items.ReadItemAsync<ContractItem>("ghost", P1))).StatusCode);
    }

    // --- Optimistic concurrency -----------------------------------------------------------------------------------------
    // https://learn.microsoft.com/azure/cosmos-db/nosql/database-transactions-optimistic-concurrency (If-Match with a
    //   stale _etag: the server rejects the write with 412 Precondition Failed)
    // https://learn.microsoft.com/rest/api/cosmos-db/http-status-codes-for-cosmosdb (412)

    [Theory]
    [InlineData("replace")]
    [InlineData("upsert")]
    [InlineData("patch")]
    [InlineData("delete")]
    public async Task WriteWithStaleIfMatchETag_Throws412AndKeepsTheNewerVersion(string operation)
    {
        var stale = await Items.CreateItemAsync(ContractItem.Of("occ", "p1", n: 1), P1);
        await Items.ReplaceItemAsync(ContractItem.Of("occ", "p1", n: 2), "occ", P1);
        var options = new ItemRequestOptions { IfMatchEtag = stale.ETag };

        var error = await CosmosAssert.FailsAsync(operation switch
        {
            "replace" => () => Items.ReplaceItemAsync(ContractItem.Of("occ", "p1", n: 3), "occ", P1, options),
            "upsert" => () => Items.UpsertItemAsync(ContractItem.Of("occ", "p1", n: 3), P1, options),
            "patch" => () => Items.PatchItemAsync<ContractItem>("occ", P1, [PatchOperation.Set("/n", 3)], new PatchItemRequestOptions { IfMatchEtag = stale.ETag }),
            "delete" => () => Items.DeleteItemAsync<ContractItem>("occ", P1, options),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        });

        Assert.Equal(HttpStatusCode.PreconditionFailed, error.StatusCode);
        Assert.Equal(2, (await Items.ReadItemAsync<ContractItem>("occ", P1)).Resource.N);
    }

    // --- Partial document update (patch) ------------------------------------------------------------------------------
    // https://learn.microsoft.com/azure/cosmos-db/partial-document-update (Add/Set/Replace/Remove/Increment semantics;
    //   conditional update fails when its predicate is not satisfied; at most 10 operations)
    // https://learn.microsoft.com/azure/cosmos-db/partial-document-update-getting-started (errors: node to be
    //   replaced/removed is absent)
    // https://learn.microsoft.com/dotnet/api/microsoft.azure.cosmos.patchitemrequestoptions.filterpredicate (condition
    //   not satisfied: "returned with precondition failed")

    [Fact]
    public async Task PatchItem_SetReplaceRemoveIncrementAdd_EachApplies()
    {
        var created = await Items.CreateItemAsync(ContractItem.Of("pa", "p1", n: 5, name: "before", cat: "drop-me") with { Counter = 1, Tags = ["a"] }, P1);

        var patched = await Items.PatchItemAsync<ContractItem>("pa", P1,
        [
            PatchOperation.Set("/name", "after"),
            PatchOperation.Replace("/n", 6),
            PatchOperation.Remove("/cat"),
            PatchOperation.Increment("/counter", 4),
            PatchOperation.Add("/tags/-", "b"),
        ]);

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(("after", 6, (string?)null, (int?)5), (patched.Resource.Name, patched.Resource.N, patched.Resource.Cat, patched.Resource.Counter));
        Assert.Equal(["a", "b"], patched.Resource.Tags!);
        Assert.NotEqual(created.ETag, patched.ETag);
        Assert.Equal(patched.ETag, (await Items.ReadItemAsync<ContractItem>("pa", P1)).ETag);
    }

    [Fact]
    public async Task PatchItem_AddAtAnArrayIndexInserts_SetAtAnIndexOverwrites()
    {
        await Items.CreateItemAsync(ContractItem.Of("arr", "p1") with { Tags = ["x", "y"] }, P1);

        var added = await Items.PatchItemAsync<ContractItem>("arr", P1, [PatchOperation.Add("/tags/1", "inserted")]);
        var set = await Items.PatchItemAsync<ContractItem>("arr", P1, [PatchOperation.Set("/tags/0", "overwritten")]);

        Assert.Equal(["x", "inserted", "y"], added.Resource.Tags!);
        Assert.Equal(["overwritten", "inserted", "y"], set.Resource.Tags!);
    }

    [Fact]
    public async Task PatchItem_AddSetAndIncrementOnMissingFields_CreateThem()
    {
        await Items.CreateItemAsync(ContractItem.Of("new-fields", "p1"), P1);

        var patched = await Items.PatchItemAsync<ContractItem>("new-fields", P1,
        [
            PatchOperation.Add("/name", "added"),
            PatchOperation.Set("/cat", "set"),
            PatchOperation.Increment("/counter", 3),
        ]);

        Assert.Equal(("added", "set", (int?)3), (patched.Resource.Name, patched.Resource.Cat, patched.Resource.Counter));
    }

    [Theory]
    [InlineData("replace")]
    [InlineData("remove")]
    public async Task PatchItem_ReplaceOrRemoveAnAbsentPath_FailsWith400AndChangesNothing(string operation)
    {
        var created = await Items.CreateItemAsync(ContractItem.Of("strict", "p1", n: 1), P1);
        PatchOperation[] operations = operation == "replace"
            ? [PatchOperation.Set("/n", 2), PatchOperation.Replace("/name", "x")]
            : [PatchOperation.Set("/n", 2), PatchOperation.Remove("/name")];

        var error = await CosmosAssert.FailsAsync(() => Items.PatchItemAsync<ContractItem>("strict", P1, operations));

        // The patch pages call it an error without naming the status; the REST status page gives 400 for an invalid body.
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        var read = await Items.ReadItemAsync<ContractItem>("strict", P1);
        Assert.Equal((1, created.ETag), (read.Resource.N, read.ETag));
    }

    [Fact]
    public async Task PatchItem_FilterPredicate_AppliesWhenItHoldsAndFailsWith412WhenItDoesNot()
    {
        await Items.CreateItemAsync(ContractItem.Of("cond", "p1", n: 6), P1);

        var failed = await CosmosAssert.FailsAsync(() => Items.PatchItemAsync<ContractItem>("cond", P1, [PatchOperation.Set("/n", 1)],
            new PatchItemRequestOptions { FilterPredicate = "FROM c WHERE c.n = 5" }));
        var unchanged = (await Items.ReadItemAsync<ContractItem>("cond", P1)).Resource.N;
        var applied = await Items.PatchItemAsync<ContractItem>("cond", P1, [PatchOperation.Set("/n", 100)],
            new PatchItemRequestOptions { FilterPredicate = "FROM c WHERE c.n = 6" });

        Assert.Equal(HttpStatusCode.PreconditionFailed, failed.StatusCode);
        Assert.Equal(6, unchanged);
        Assert.Equal(100, applied.Resource.N);
    }

    // --- Item size limit ------------------------------------------------------------------------------------------------
    // https://learn.microsoft.com/azure/cosmos-db/concepts-limits#per-item-limits (maximum item size 2 MB, the UTF-8
    //   length of its JSON representation)
    // https://learn.microsoft.com/rest/api/cosmos-db/http-status-codes-for-cosmosdb (413: the document exceeds the
    //   allowed size, 2 MB)

    [Fact]
    public async Task CreateItem_Over2MB_Throws413AndStoresNothing()
    {
        var huge = ContractItem.Of("huge", "p1") with { Blob = new string('x', 2 * 1024 * 1024 + 1) };

        var error = await CosmosAssert.FailsAsync(() => Items.CreateItemAsync(huge, P1));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, error.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CosmosAssert.FailsAsync(() => Items.ReadItemAsync<ContractItem>("huge", P1))).StatusCode);
    }

    [Fact]
    public async Task CreateItem_JustUnder2MB_IsStored()
    {
        // Under 2 MB whether MB means 2,000,000 or 2,097,152 bytes, with room for the other properties.
        var large = ContractItem.Of("large", "p1") with { Blob = new string('x', 1_990_000) };

        var created = await Items.CreateItemAsync(large, P1);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(large.Blob.Length, (await Items.ReadItemAsync<ContractItem>("large", P1)).Resource.Blob!.Length);
    }
}

/// <summary>
/// The SDK's default retry policy against injected faults. Needs the stand-in's fault injection, so it is skipped when
/// the run targets a real account; it runs on a stand-in of its own so the faults never reach other tests.
/// Verified only on the stand-in (by nature).
/// </summary>
public sealed class CosmosContractFaultTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>
{
    private const string NeedsStandIn = "fault injection needs the Cosmos stand-in; this run targets a real account";
    private static readonly PartitionKey P = new("p");

    // https://learn.microsoft.com/dotnet/api/microsoft.azure.cosmos.cosmosclientoptions.maxretryattemptsonratelimitedrequests
    //   (default 9: a rate-limited request is sent up to 10 times, waiting as the service says, before the error
    //   reaches the application)
    // https://learn.microsoft.com/azure/cosmos-db/nosql/troubleshoot-service-unavailable (503 Service Unavailable
    //   reaches the application when the SDK's own retries fail; the application should retry)
    [SkippableFact]
    public async Task DefaultRetryPolicy_HalfOfRequestsGet429AtMostThreeTimesEach_EveryOperationCompletes()
    {
        Skip.IfNot(fixture.Emulators.Cosmos.IsStandIn, NeedsStandIn);
        await using var standIn = await CosmosStandIn.StartAsync(NullLogger.Instance, CancellationToken.None);
        using var client = CosmosTarget.ForStandIn(standIn).CreateClient();
        // The database dies with this test's own stand-in, so it needs no deleting.
        var database = (await client.CreateDatabaseAsync(CosmosContractDatabase.NewId("contract"))).Database;
        var container = (await database.CreateContainerAsync(new ContainerProperties("faulty", "/pk"))).Container;
        await standIn.SetFaultsAsync(0.5, [429], retryAfterMs: 1, maxPerOperation: 3, seed: 7);

        for (var i = 0; i < 20; i++)
        {
            await container.CreateItemAsync(ContractItem.Of($"f{i:00}", "p", n: i), P);
        }

        var read = await container.ReadItemAsync<ContractItem>("f03", P);
        var upserted = await container.UpsertItemAsync(ContractItem.Of("f04", "p", n: 40), P);
        var replaced = await container.ReplaceItemAsync(ContractItem.Of("f05", "p", n: 50), "f05", P);
        var patched = await container.PatchItemAsync<ContractItem>("f06", P, [PatchOperation.Increment("/n", 54)]);
        var deleted = await container.DeleteItemAsync<ContractItem>("f07", P);
        using var query = container.GetItemQueryIterator<ContractItem>(
            new QueryDefinition("SELECT * FROM c WHERE c.n >= @min ORDER BY c.n DESC").WithParameter("@min", 10),
            requestOptions: new QueryRequestOptions { MaxItemCount = 3 });
        var queried = await CosmosFeed.DrainAsync(query);
        using var feed = container.GetChangeFeedIterator<ContractItem>(ChangeFeedStartFrom.Beginning(), ChangeFeedMode.LatestVersion);
        var (changes, _) = await CosmosFeed.ReadChangesUntilNotModifiedAsync(feed);
        var stats = await standIn.GetStatsAsync();
        await standIn.ClearFaultsAsync();

        Assert.True(stats.FaultsInjected > 0, "the stand-in injected no fault, so the test proved nothing");
        Assert.Equal(3, read.Resource.N);
        Assert.Equal((40, 50, 60), (upserted.Resource.N, replaced.Resource.N, patched.Resource.N));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal([60, 50, 40, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10], queried.Select(x => x.N));
        Assert.Equal(19, changes.Count);
    }

    [SkippableFact]
    public async Task DefaultRetryPolicy_EveryRequestGets503_ReadSurfacesCosmosExceptionWith503()
    {
        Skip.IfNot(fixture.Emulators.Cosmos.IsStandIn, NeedsStandIn);
        await using var standIn = await CosmosStandIn.StartAsync(NullLogger.Instance, CancellationToken.None);
        using var client = CosmosTarget.ForStandIn(standIn).CreateClient();
        var database = (await client.CreateDatabaseAsync(CosmosContractDatabase.NewId("contract"))).Database;
        var container = (await database.CreateContainerAsync(new ContainerProperties("faulty", "/pk"))).Container;
        await container.CreateItemAsync(ContractItem.Of("there", "p"), P);
        await standIn.SetFaultsAsync(1.0, [503]);

        var error = await CosmosAssert.FailsAsync(() => container.ReadItemAsync<ContractItem>("there", P));
        var stats = await standIn.GetStatsAsync();
        await standIn.ClearFaultsAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.True(stats.FaultsInjected > 0, "the stand-in injected no fault, so the 503 did not come from it");
        Assert.Equal(HttpStatusCode.OK, (await container.ReadItemAsync<ContractItem>("there", P)).StatusCode);
    }
}

/// <summary>
/// xunit class fixture: a database of the test class's own on the run's Cosmos target (the stand-in, or the real account
/// when <c>Cosmos__Endpoint</c>/<c>Cosmos__Key</c> are set), named <c>contract-</c> + 12 hex characters and deleted when
/// the class is done, so contract tests run in parallel with anything else on the shared stand-in (or account). Each
/// test makes its own containers in it (<see cref="CreateContainerAsync"/>) and drops them when it ends
/// (<see cref="DeleteContainersAsync"/>); tests of one class run one at a time.
/// </summary>
public sealed class CosmosContractDatabase : IAsyncLifetime
{
    private readonly List<Container> _containers = [];
    private CosmosClient? _client;
    private Database? _database;

    public Database Database => _database ?? throw new InvalidOperationException("Not initialised.");

    internal static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..12];

    public async Task InitializeAsync()
    {
        var target = (await SharedEmulators.GetAsync()).Cosmos;
        _client = target.CreateClient();
        _database = await CreateDatabaseAsync(_client);
    }

    public async Task DisposeAsync()
    {
        try
        {
            await Database.DeleteAsync();
        }
        catch (CosmosException)
        {
            // already gone: nothing to clean
        }
        finally
        {
            _client?.Dispose();
        }
    }

    /// <summary>A container of the current test's own, partitioned on <c>/pk</c>, named <paramref name="name"/> plus a suffix.</summary>
    public async Task<Container> CreateContainerAsync(string name, Action<ContainerProperties>? configure = null)
    {
        var properties = new ContainerProperties(NewId(name), "/pk");
        configure?.Invoke(properties);
        var container = (await Database.CreateContainerAsync(properties)).Container;
        _containers.Add(container);
        return container;
    }

    /// <summary>Deletes the containers the current test made.</summary>
    public async Task DeleteContainersAsync()
    {
        foreach (var container in _containers)
        {
            try
            {
                await container.DeleteContainerAsync();
            }
            catch (CosmosException)
            {
                // already gone: nothing to clean
            }
        }

        _containers.Clear();
    }

    private static async Task<Database> CreateDatabaseAsync(CosmosClient client) =>
        (await client.CreateDatabaseAsync(NewId("contract"))).Database;
}

/// <summary>The item every contract test stores (the SDK's default serializer is Newtonsoft.Json).</summary>
public sealed record ContractItem
{
    [JsonProperty("id")]
    public string Id { get; init; } = string.Empty;

    [JsonProperty("pk")]
    public string Pk { get; init; } = string.Empty;

    [JsonProperty("n")]
    public int N { get; init; }

    [JsonProperty("cat", NullValueHandling = NullValueHandling.Ignore)]
    public string? Cat { get; init; }

    [JsonProperty("name", NullValueHandling = NullValueHandling.Ignore)]
    public string? Name { get; init; }

    [JsonProperty("counter", NullValueHandling = NullValueHandling.Ignore)]
    public int? Counter { get; init; }

    [JsonProperty("tags", NullValueHandling = NullValueHandling.Ignore)]
    public IReadOnlyList<string>? Tags { get; init; }

    [JsonProperty("blob", NullValueHandling = NullValueHandling.Ignore)]
    public string? Blob { get; init; }

    /// <summary>Item time to live in seconds; absent means the container's default applies.</summary>
    [JsonProperty("ttl", NullValueHandling = NullValueHandling.Ignore)]
    public int? Ttl { get; init; }

    [JsonProperty("_etag", NullValueHandling = NullValueHandling.Ignore)]
    public string? ETag { get; init; }

    public static ContractItem Of(string id, string pk, int n = 0, string? name = null, string? cat = null) =>
        new() { Id = id, Pk = pk, N = n, Name = name, Cat = cat };
}

internal static class CosmosAssert
{
    /// <summary>Asserts the operation fails with a <see cref="CosmosException"/> and returns it.</summary>
    public static async Task<CosmosException> FailsAsync(Func<Task> operation) =>
        await Assert.ThrowsAnyAsync<CosmosException>(operation);
}

internal static class CosmosFeed
{
    private const int MaxPages = 100;

    public static async Task<List<T>> DrainAsync<T>(FeedIterator<T> iterator)
    {
        var items = new List<T>();
        for (var pages = 0; iterator.HasMoreResults; pages++)
        {
            Assert.True(pages < MaxPages, "the query never ran out of pages");
            items.AddRange(await iterator.ReadNextAsync());
        }

        return items;
    }

    /// <summary>
    /// Reads a query page by page, each page from a fresh iterator resumed from the previous page's continuation token;
    /// returns the items and every page's size.
    /// </summary>
    public static async Task<(List<T> Items, List<int> PageSizes)> ReadResumingEachPageAsync<T>(
        Container container, QueryDefinition query, QueryRequestOptions options)
    {
        var items = new List<T>();
        var pageSizes = new List<int>();
        string? continuation = null;
        do
        {
            Assert.True(pageSizes.Count < MaxPages, "the query never stopped handing out continuation tokens");
            using var iterator = container.GetItemQueryIterator<T>(query, continuation, options);
            var page = await iterator.ReadNextAsync();
            items.AddRange(page);
            pageSizes.Add(page.Count);
            continuation = page.ContinuationToken;
        }
        while (continuation is not null);

        return (items, pageSizes);
    }

    /// <summary>
    /// Reads a change feed until it reports no new changes (304 Not Modified); returns the changes and that last page.
    /// </summary>
    public static async Task<(List<T> Changes, FeedResponse<T> NotModified)> ReadChangesUntilNotModifiedAsync<T>(FeedIterator<T> iterator)
    {
        var changes = new List<T>();
        for (var pages = 0; pages < MaxPages; pages++)
        {
            Assert.True(iterator.HasMoreResults, "a change feed iterator must always have more results");
            var page = await iterator.ReadNextAsync();
            if (page.StatusCode == HttpStatusCode.NotModified)
            {
                return (changes, page);
            }

            changes.AddRange(page);
        }

        throw new Xunit.Sdk.XunitException("the change feed never reported that it had caught up (304 Not Modified)");
    }
}
