using Microsoft.Azure.Cosmos;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Cosmos;
using SooperSeller.Testing.Cosmos;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Cosmos;

public sealed record NoteDocument : TenantDocument
{
    public string Text { get; init; } = string.Empty;

    public int Rank { get; init; }
}

/// <summary>The tenant data base against the stand-in (or a real account): scoping, errors, paging, limits, resilience.</summary>
public sealed class TenantContainerTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>, IAsyncLifetime
{
    internal static readonly ContainerDefinition Notes = new("notes", -1,
    [
        new CompositeIndex(new IndexedPath("/rank"), new IndexedPath("/id")),
    ]);

    private static readonly CancellationToken None = CancellationToken.None;
    private readonly MerchantId _merchantA = MerchantId.New();
    private readonly MerchantId _merchantB = MerchantId.New();
    private TestTenantStore? _store;

    private TenantContainer Container => _store!.Store.For(Notes);

    public async Task InitializeAsync() => _store = await TestTenantStore.CreateAsync(fixture.Emulators.Cosmos, [Notes]);

    public async Task DisposeAsync() => await _store!.DisposeAsync();

    [Fact]
    public async Task CreateThenRead_RoundTripsAndStampsMerchantAndETag()
    {
        var created = await Container.CreateAsync(_merchantA, Note("n1", "hello"), None);

        var read = await Container.ReadAsync<NoteDocument>(_merchantA, "n1", None);

        Assert.NotNull(read);
        Assert.Equal("hello", read.Text);
        Assert.Equal(_merchantA.Value, read.MerchantId);
        Assert.False(string.IsNullOrEmpty(created.ETag));
        Assert.Equal(created.ETag, read.ETag);
    }

    [Fact]
    public async Task Create_ExistingId_ThrowsConflict_AndTryCreateReturnsNull()
    {
        await Container.CreateAsync(_merchantA, Note("dup", "first"), None);

        await Assert.ThrowsAsync<ConflictException>(() => Container.CreateAsync(_merchantA, Note("dup", "second"), None));
        Assert.Null(await Container.TryCreateAsync(_merchantA, Note("dup", "third"), None));
        Assert.Equal("first", (await Container.ReadAsync<NoteDocument>(_merchantA, "dup", None))!.Text);
    }

    [Fact]
    public async Task Replace_WithStaleETag_ThrowsConflict_AndKeepsTheNewerVersion()
    {
        var original = await Container.CreateAsync(_merchantA, Note("r1", "v1"), None);
        await Container.ReplaceAsync(_merchantA, original with { Text = "v2" }, original.ETag, None);

        await Assert.ThrowsAsync<ConflictException>(() => Container.ReplaceAsync(_merchantA, original with { Text = "v3" }, original.ETag, None));

        Assert.Equal("v2", (await Container.ReadAsync<NoteDocument>(_merchantA, "r1", None))!.Text);
    }

    [Fact]
    public async Task ReplaceAndPatch_MissingDocument_ThrowNotFound()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => Container.ReplaceAsync(_merchantA, Note("ghost", "x"), null, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Container.PatchAsync<NoteDocument>(_merchantA, "ghost", [PatchOperation.Set("/text", "x")], null, None));
    }

    [Fact]
    public async Task Patch_SetAndIncrement_ApplyAndChangeTheETag()
    {
        var created = await Container.CreateAsync(_merchantA, Note("p1", "before", rank: 1), None);

        var patched = await Container.PatchAsync<NoteDocument>(_merchantA, "p1", [PatchOperation.Set("/text", "after"), PatchOperation.Increment("/rank", 4)], created.ETag, None);

        Assert.Equal("after", patched.Text);
        Assert.Equal(5, patched.Rank);
        Assert.NotEqual(created.ETag, patched.ETag);
    }

    [Fact]
    public async Task Patch_TheMerchantIdOrId_IsRefused()
    {
        await Container.CreateAsync(_merchantA, Note("p2", "x"), None);

        await Assert.ThrowsAsync<ArgumentException>(() => Container.PatchAsync<NoteDocument>(_merchantA, "p2", [PatchOperation.Set("/merchantId", _merchantB.Value)], null, None));
    }

    [Fact]
    public async Task Delete_ExistingThenMissing_ReturnsTrueThenFalse()
    {
        await Container.CreateAsync(_merchantA, Note("d1", "x"), None);

        Assert.True(await Container.DeleteAsync<NoteDocument>(_merchantA, "d1", null, None));
        Assert.False(await Container.DeleteAsync<NoteDocument>(_merchantA, "d1", null, None));
        Assert.Null(await Container.ReadAsync<NoteDocument>(_merchantA, "d1", None));
    }

    [Fact]
    public async Task QueryPage_FollowsCursorsThroughEveryItemInOrder()
    {
        for (var i = 0; i < 7; i++)
        {
            await Container.CreateAsync(_merchantA, Note($"q{i}", "x", rank: 10 - i), None);
        }

        var query = new QueryDefinition("SELECT * FROM c WHERE c.rank >= @min ORDER BY c.rank ASC, c.id ASC").WithParameter("@min", 0);
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Container.QueryPageAsync<NoteDocument>(_merchantA, query, limit: 3, cursor, None);
            seen.AddRange(page.Items.Select(n => n.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(["q6", "q5", "q4", "q3", "q2", "q1", "q0"], seen);
    }

    [Fact]
    public async Task QueryPage_TamperedCursor_IsAValidationError()
    {
        var query = new QueryDefinition("SELECT * FROM c");

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Container.QueryPageAsync<NoteDocument>(_merchantA, query, 2, "%%%not-base64%%%", None));

        Assert.Contains("cursor", error.Errors.Keys);
    }

    [Fact]
    public async Task Query_MultiFieldOrderWithoutIndex_IsRefusedAsRealCosmosWould()
    {
        var query = new QueryDefinition("SELECT * FROM c ORDER BY c.text ASC, c.rank DESC");

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in Container.QueryAsync<NoteDocument>(_merchantA, query, None))
            {
            }
        });
    }

    [Fact]
    public async Task Query_ScalarAggregate_CountsOnlyTheMerchantsDocuments()
    {
        await Container.CreateAsync(_merchantA, Note("c1", "x"), None);
        await Container.CreateAsync(_merchantA, Note("c2", "x"), None);
        await Container.CreateAsync(_merchantB, Note("c3", "x"), None);

        var counts = await Container.QueryAsync<long>(_merchantA, new QueryDefinition("SELECT VALUE COUNT(1) FROM c"), None).ToListAsync();

        Assert.Equal([2L], counts);
    }

    [Fact]
    public async Task Create_DocumentOverOnePointFiveMegabytes_IsRefusedBeforeReachingCosmos()
    {
        // Just over 1.5 MB: Cosmos itself (and the stand-in) would accept it, so the refusal can only be ours.
        var huge = Note("big", new string('x', TenantContainer.MaxDocumentBytes));

        var error = await Assert.ThrowsAsync<PayloadTooLargeException>(() => Container.CreateAsync(_merchantA, huge, None));

        Assert.Equal(TenantContainer.MaxDocumentBytes, error.LimitBytes);
        Assert.Null(await Container.ReadAsync<NoteDocument>(_merchantA, "big", None));
    }

    [Fact]
    public async Task EmptyMerchantId_IsRefusedForEveryAccess()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Container.ReadAsync<NoteDocument>(default, "x", None));
        await Assert.ThrowsAsync<ArgumentException>(() => Container.CreateAsync(default, Note("x", "x"), None));
        await Assert.ThrowsAsync<ArgumentException>(() => Container.QueryPageAsync<NoteDocument>(default, new QueryDefinition("SELECT * FROM c"), 5, null, None));
    }

    [Fact]
    public async Task QueryAcrossMerchants_SeesEveryMerchant()
    {
        await Container.CreateAsync(_merchantA, Note("x1", "maintenance"), None);
        await Container.CreateAsync(_merchantB, Note("x2", "maintenance"), None);

        var all = await Container.QueryAcrossMerchantsAsync<NoteDocument>(new QueryDefinition("SELECT * FROM c WHERE c.text = 'maintenance'"), None).ToListAsync();

        Assert.Equal(new[] { _merchantA.Value, _merchantB.Value }.Order(), all.Select(n => n.MerchantId).Order());
    }

    [Fact]
    public async Task ItemTtl_ExpiresTheDocument()
    {
        await Container.CreateAsync(_merchantA, Note("ttl", "short-lived") with { TimeToLiveSeconds = 1 }, None);

        var gone = await SooperSeller.Testing.Eventually.HoldsAsync(
            async () => await Container.ReadAsync<NoteDocument>(_merchantA, "ttl", None) is null,
            TimeSpan.FromSeconds(20));

        Assert.True(gone);
    }

    internal static NoteDocument Note(string id, string text, int rank = 0) => new() { Id = id, Text = text, Rank = rank };
}
