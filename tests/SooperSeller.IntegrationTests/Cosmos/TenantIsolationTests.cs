using Microsoft.Azure.Cosmos;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Cosmos;
using SooperSeller.Testing.Cosmos;
using SooperSeller.Testing.Emulators;
using static SooperSeller.IntegrationTests.Cosmos.TenantContainerTests;

namespace SooperSeller.IntegrationTests.Cosmos;

/// <summary>Merchant A's calls never reach merchant B's documents, even with B's ids in hand.</summary>
public sealed class TenantIsolationTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>, IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly MerchantId _a = MerchantId.New();
    private readonly MerchantId _b = MerchantId.New();
    private TestTenantStore? _store;

    private TenantContainer Container => _store!.Store.For(Notes);

    public async Task InitializeAsync()
    {
        _store = await TestTenantStore.CreateAsync(fixture.Emulators.Cosmos, [Notes]);
        await Container.CreateAsync(_b, Note("b-secret", "merchant B's", rank: 7), None);
    }

    public async Task DisposeAsync() => await _store!.DisposeAsync();

    [Fact]
    public async Task Read_AnotherMerchantsId_FindsNothing()
    {
        Assert.Null(await Container.ReadAsync<NoteDocument>(_a, "b-secret", None));
    }

    [Fact]
    public async Task Query_EvenWithoutAFilter_SeesOnlyTheCallersDocuments()
    {
        await Container.CreateAsync(_a, Note("a-own", "merchant A's"), None);

        var page = await Container.QueryPageAsync<NoteDocument>(_a, new QueryDefinition("SELECT * FROM c"), 50, null, None);
        var byId = await Container.QueryAsync<NoteDocument>(_a, new QueryDefinition("SELECT * FROM c WHERE c.id = @id").WithParameter("@id", "b-secret"), None).ToListAsync();
        var count = await Container.QueryAsync<long>(_a, new QueryDefinition("SELECT VALUE COUNT(1) FROM c"), None).SingleAsync();

        Assert.Equal(["a-own"], page.Items.Select(n => n.Id));
        Assert.Empty(byId);
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task PatchReplaceDelete_AnotherMerchantsId_ChangeNothing()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => Container.PatchAsync<NoteDocument>(_a, "b-secret", [PatchOperation.Set("/text", "pwned")], null, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Container.ReplaceAsync(_a, Note("b-secret", "pwned"), null, None));
        Assert.False(await Container.DeleteAsync<NoteDocument>(_a, "b-secret", null, None));

        var untouched = await Container.ReadAsync<NoteDocument>(_b, "b-secret", None);
        Assert.Equal("merchant B's", untouched!.Text);
        Assert.Equal(7, untouched.Rank);
    }

    [Fact]
    public async Task Write_WithAnotherMerchantsIdInTheDocument_LandsInTheCallersPartition()
    {
        var forged = Note("forged", "written by A") with { MerchantId = _b.Value };

        await Container.UpsertAsync(_a, forged, None);
        await Container.UpsertAsync(_a, Note("b-secret", "A's own document of that id"), None);

        Assert.Null(await Container.ReadAsync<NoteDocument>(_b, "forged", None));
        Assert.Equal(_a.Value, (await Container.ReadAsync<NoteDocument>(_a, "forged", None))!.MerchantId);
        Assert.Equal("merchant B's", (await Container.ReadAsync<NoteDocument>(_b, "b-secret", None))!.Text);
    }
}
