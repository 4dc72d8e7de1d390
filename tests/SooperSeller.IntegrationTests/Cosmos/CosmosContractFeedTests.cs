using System.Net;
using Microsoft.Azure.Cosmos;
using SooperSeller.Testing;

namespace SooperSeller.IntegrationTests.Cosmos;

/// <summary>
/// Contract suite, time to live: container <c>DefaultTimeToLive</c> and item <c>ttl</c>. Expiry is awaited by polling
/// with a generous deadline, never by sleeping. Verified only on the stand-in, like the whole suite (see
/// <see cref="CosmosContractTests"/>).
/// </summary>
/// <remarks>
/// https://learn.microsoft.com/azure/cosmos-db/nosql/time-to-live: container DefaultTimeToLive absent/null = items never
/// expire and item ttl does not apply; -1 = on, items do not expire by default; n = items expire n seconds after their
/// last write. Item ttl overrides the container's default; ttl -1 never expires. Expired items are no longer returned
/// by reads or queries even before the background deletion has run.
/// https://learn.microsoft.com/dotnet/api/microsoft.azure.cosmos.containerproperties.defaulttimetolive
/// </remarks>
public sealed class CosmosContractTtlTests(CosmosContractDatabase database) : IClassFixture<CosmosContractDatabase>, IAsyncLifetime
{
    // TTL counts from _ts, which is whole seconds, so a real account may expire an item up to a second early: 3 s leaves
    // room for the create-then-read that proves the item was there before it expired.
    private const int ShortTtlSeconds = 3;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);
    private static readonly PartitionKey P = new("p");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => database.DeleteContainersAsync();

    [Fact]
    public async Task ContainerDefaultTtl_ItemWithoutTtl_ExpiresFromReadsAndQueries()
    {
        var container = await database.CreateContainerAsync("default-ttl", properties => properties.DefaultTimeToLive = ShortTtlSeconds);
        await container.CreateItemAsync(ContractItem.Of("short-lived", "p"), P);
        var readableAtFirst = await ExistsAsync(container, "short-lived");

        var expired = await Eventually.HoldsAsync(async () => !await ExistsAsync(container, "short-lived"), Deadline);
        var queried = await QueryIdsAsync(container);

        Assert.True(readableAtFirst, "the item was not readable before its TTL ran out");
        Assert.True(expired, $"the item was still readable {Deadline.TotalSeconds} s after a {ShortTtlSeconds} s TTL");
        Assert.Empty(queried);
    }

    [Fact]
    public async Task ItemTtl_InContainerWithTtlOnButNoDefault_ExpiresOnlyThatItem()
    {
        var container = await database.CreateContainerAsync("ttl-on", properties => properties.DefaultTimeToLive = -1);
        await container.CreateItemAsync(ContractItem.Of("keeper", "p"), P);
        await container.CreateItemAsync(ContractItem.Of("short-lived", "p") with { Ttl = ShortTtlSeconds }, P);
        var readableAtFirst = await ExistsAsync(container, "short-lived");

        var expired = await Eventually.HoldsAsync(async () => !await ExistsAsync(container, "short-lived"), Deadline);
        var queried = await QueryIdsAsync(container);

        Assert.True(readableAtFirst, "the item was not readable before its TTL ran out");
        Assert.True(expired, $"the item was still readable {Deadline.TotalSeconds} s after a {ShortTtlSeconds} s TTL");
        Assert.Equal(["keeper"], queried);
    }

    [Fact]
    public async Task ItemTtl_MinusOneOrLongerThanTheContainerDefault_OutlivesTheDefault()
    {
        var container = await database.CreateContainerAsync("short-default", properties => properties.DefaultTimeToLive = ShortTtlSeconds);
        await container.CreateItemAsync(ContractItem.Of("never", "p") with { Ttl = -1 }, P);
        await container.CreateItemAsync(ContractItem.Of("longer", "p") with { Ttl = 3600 }, P);
        await container.CreateItemAsync(ContractItem.Of("by-default", "p"), P);

        var defaultExpired = await Eventually.HoldsAsync(async () => !await ExistsAsync(container, "by-default"), Deadline);
        var queried = await QueryIdsAsync(container);

        Assert.True(defaultExpired, $"the item on the container's {ShortTtlSeconds} s default was still readable after {Deadline.TotalSeconds} s");
        Assert.True(await ExistsAsync(container, "never"), "an item with ttl -1 expired");
        Assert.True(await ExistsAsync(container, "longer"), "an item with a 3600 s ttl expired on the container's default");
        Assert.Equal(["longer", "never"], queried);
    }

    [Fact]
    public async Task ItemTtl_InContainerWithTtlOff_IsIgnored()
    {
        var ttlOff = await database.CreateContainerAsync("ttl-off");
        var witness = await database.CreateContainerAsync("ttl-witness", properties => properties.DefaultTimeToLive = -1);
        await ttlOff.CreateItemAsync(ContractItem.Of("ignored-ttl", "p") with { Ttl = ShortTtlSeconds }, P);
        await witness.CreateItemAsync(ContractItem.Of("witness", "p") with { Ttl = ShortTtlSeconds }, P);

        // The same ttl, written later, in a container with TTL on: once it has expired, the first would have too.
        var witnessExpired = await Eventually.HoldsAsync(async () => !await ExistsAsync(witness, "witness"), Deadline);

        Assert.True(witnessExpired, $"the witness item was still readable {Deadline.TotalSeconds} s after a {ShortTtlSeconds} s TTL");
        Assert.True(await ExistsAsync(ttlOff, "ignored-ttl"), "an item ttl applied in a container whose DefaultTimeToLive is null");
    }

    private static async Task<bool> ExistsAsync(Container container, string id)
    {
        using var response = await container.ReadItemStreamAsync(id, P);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => true,
            HttpStatusCode.NotFound => false,
            _ => throw new InvalidOperationException($"Reading {id} answered {(int)response.StatusCode}: {response.ErrorMessage}"),
        };
    }

    private static async Task<List<string>> QueryIdsAsync(Container container)
    {
        using var iterator = container.GetItemQueryIterator<ContractItem>(new QueryDefinition("SELECT * FROM c"));
        return [.. (await CosmosFeed.DrainAsync(iterator)).Select(x => x.Id).Order(StringComparer.Ordinal)];
    }
}

/// <summary>
/// Contract suite, change feed in latest version mode through the pull model. Verified only on the stand-in, like the
/// whole suite (see <see cref="CosmosContractTests"/>).
/// </summary>
/// <remarks>
/// https://learn.microsoft.com/azure/cosmos-db/nosql/change-feed-pull-model: HasMoreResults is always true; "no new
/// changes" is a response with status NotModified; a continuation token resumes a fresh iterator where the last one
/// stopped; FeedRange.FromPartitionKey reads one partition key's changes; PageSizeHint caps the items a page.
/// https://learn.microsoft.com/azure/cosmos-db/nosql/change-feed-modes#latest-version-change-feed-mode: creates and
/// updates only, each item once in its latest version; deletes are not captured.
/// https://learn.microsoft.com/azure/cosmos-db/change-feed: changes arrive in modification order within a partition key
/// value; no order is guaranteed across partition key values.
/// </remarks>
public sealed class CosmosContractChangeFeedTests(CosmosContractDatabase database) : IClassFixture<CosmosContractDatabase>, IAsyncLifetime
{
    private static readonly PartitionKey X = new("x");
    private static readonly PartitionKey Y = new("y");
    private Container? _feed;

    private Container Feed => _feed ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync() => _feed = await database.CreateContainerAsync("feed");

    public Task DisposeAsync() => database.DeleteContainersAsync();

    [Fact]
    public async Task ChangeFeed_FromTheBeginning_ReturnsEachItemOnceInItsLatestVersion_ThenNotModified()
    {
        for (var i = 0; i < 5; i++)
        {
            await Feed.CreateItemAsync(ContractItem.Of($"f{i}", i % 2 == 0 ? "x" : "y", n: i), i % 2 == 0 ? X : Y);
        }

        await Feed.UpsertItemAsync(ContractItem.Of("f1", "y", n: 11), Y);
        await Feed.UpsertItemAsync(ContractItem.Of("f1", "y", n: 12), Y);
        using var iterator = Feed.GetChangeFeedIterator<ContractItem>(ChangeFeedStartFrom.Beginning(), ChangeFeedMode.LatestVersion,
            new ChangeFeedRequestOptions { PageSizeHint = 2 });

        var (changes, last) = await CosmosFeed.ReadChangesUntilNotModifiedAsync(iterator);

        Assert.Equal(["f0", "f1", "f2", "f3", "f4"], changes.Select(x => x.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["f0:0", "f2:2", "f4:4"], changes.Where(x => x.Pk == "x").Select(x => $"{x.Id}:{x.N}"));
        Assert.Equal(["f3:3", "f1:12"], changes.Where(x => x.Pk == "y").Select(x => $"{x.Id}:{x.N}"));
        Assert.Equal(HttpStatusCode.NotModified, last.StatusCode);
        Assert.True(iterator.HasMoreResults);
    }

    [Fact]
    public async Task ChangeFeed_FromNow_FirstReadIsNotModified_ThenSeesOnlyLaterWrites()
    {
        await Feed.CreateItemAsync(ContractItem.Of("before", "x"), X);
        using var iterator = Feed.GetChangeFeedIterator<ContractItem>(ChangeFeedStartFrom.Now(), ChangeFeedMode.LatestVersion);
        var first = await iterator.ReadNextAsync();
        var hasMoreAfterNothing = iterator.HasMoreResults;

        await Feed.CreateItemAsync(ContractItem.Of("after", "y"), Y);
        var (changes, _) = await CosmosFeed.ReadChangesUntilNotModifiedAsync(iterator);

        Assert.Equal(HttpStatusCode.NotModified, first.StatusCode);
        Assert.Equal(0, first.Count);
        Assert.True(hasMoreAfterNothing);
        Assert.Equal(["after"], changes.Select(x => x.Id));
    }

    [Fact]
    public async Task ChangeFeed_ResumedFromAContinuationTokenInAFreshIterator_SeesOnlyLaterChangesOnceEach()
    {
        await Feed.CreateItemAsync(ContractItem.Of("a", "x", n: 1), X);
        await Feed.CreateItemAsync(ContractItem.Of("b", "y", n: 1), Y);
        await Feed.CreateItemAsync(ContractItem.Of("c", "x", n: 1), X);
        string token;
        using (var first = Feed.GetChangeFeedIterator<ContractItem>(ChangeFeedStartFrom.Beginning(), ChangeFeedMode.LatestVersion))
        {
            var (initial, caughtUp) = await CosmosFeed.ReadChangesUntilNotModifiedAsync(first);
            Assert.Equal(3, initial.Count);
            token = caughtUp.ContinuationToken;
        }

        await Feed.UpsertItemAsync(ContractItem.Of("b", "y", n: 2), Y);
        await Feed.UpsertItemAsync(ContractItem.Of("b", "y", n: 3), Y);
        await Feed.CreateItemAsync(ContractItem.Of("d", "x", n: 1), X);
        using var resumed = Feed.GetChangeFeedIterator<ContractItem>(ChangeFeedStartFrom.ContinuationToken(token), ChangeFeedMode.LatestVersion);
        var (changes, last) = await CosmosFeed.ReadChangesUntilNotModifiedAsync(resumed);

        Assert.False(string.IsNullOrEmpty(token));
        Assert.Equal(["b:3", "d:1"], changes.Select(x => $"{x.Id}:{x.N}").Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NotModified, last.StatusCode);
    }

    [Fact]
    public async Task ChangeFeed_ForOnePartitionKey_SeesOnlyThatPartitionsChanges()
    {
        await Feed.CreateItemAsync(ContractItem.Of("x1", "x"), X);
        await Feed.CreateItemAsync(ContractItem.Of("y1", "y"), Y);
        await Feed.CreateItemAsync(ContractItem.Of("x2", "x"), X);
        using var iterator = Feed.GetChangeFeedIterator<ContractItem>(
            ChangeFeedStartFrom.Beginning(FeedRange.FromPartitionKey(X)), ChangeFeedMode.LatestVersion);

        var (changes, _) = await CosmosFeed.ReadChangesUntilNotModifiedAsync(iterator);

        Assert.Equal(["x1", "x2"], changes.Select(x => x.Id));
    }

    [Fact]
    public async Task ChangeFeed_LatestVersionMode_DoesNotReportDeletedItems()
    {
        await Feed.CreateItemAsync(ContractItem.Of("deleted", "x"), X);
        await Feed.CreateItemAsync(ContractItem.Of("kept", "x"), X);
        await Feed.DeleteItemAsync<ContractItem>("deleted", X);
        using var iterator = Feed.GetChangeFeedIterator<ContractItem>(ChangeFeedStartFrom.Beginning(), ChangeFeedMode.LatestVersion);

        var (changes, _) = await CosmosFeed.ReadChangesUntilNotModifiedAsync(iterator);

        Assert.Equal(["kept"], changes.Select(x => x.Id));
    }
}
