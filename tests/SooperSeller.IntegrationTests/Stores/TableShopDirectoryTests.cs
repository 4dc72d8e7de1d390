using SooperSeller.Core.Stores;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Storage;
using SooperSeller.Infrastructure.Stores;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Stores;

/// <summary>
/// The shop directory's routing read against Azurite, with two directories over one table standing for two instances:
/// a connected shop is served from the instance's copy, which that instance's own claims and disconnections drop; an
/// unknown or disconnected shop is always read afresh, so a new or re-connected store is routed at once.
/// </summary>
public sealed class TableShopDirectoryTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task RouteAsync_ConnectedShop_ComesFromTheCopy_UntilThisInstanceDisconnectsIt()
    {
        var (shop, merchant) = (NewShop(), MerchantId.New());
        using var here = await DirectoryAsync();
        using var elsewhere = await DirectoryAsync();
        Assert.True(await here.TryClaimAsync(shop, merchant, "sto_1", None));
        Assert.True((await here.RouteAsync(shop, None))!.Connected);

        await elsewhere.MarkDisconnectedAsync(shop, merchant, None);
        var copy = await here.RouteAsync(shop, None);
        await here.MarkDisconnectedAsync(shop, merchant, None);
        var afterOwnDisconnect = await here.RouteAsync(shop, None);

        Assert.True(copy!.Connected, "a connected shop's entry should come from this instance's copy (at most RoutingCopyMaxAge old)");
        Assert.False((await here.FindAsync(shop, None))!.Connected, "FindAsync must always read the table");
        Assert.False(afterOwnDisconnect!.Connected, "a disconnection through this instance must drop its copy at once");
    }

    [Fact]
    public async Task RouteAsync_UnknownOrDisconnectedShop_IsReadAfresh_SoAClaimElsewhereRoutesAtOnce()
    {
        var (shop, merchant) = (NewShop(), MerchantId.New());
        using var here = await DirectoryAsync();
        using var elsewhere = await DirectoryAsync();

        var unknown = await here.RouteAsync(shop, None);
        Assert.True(await elsewhere.TryClaimAsync(shop, merchant, "sto_1", None));
        var claimed = await here.RouteAsync(shop, None);
        await elsewhere.MarkDisconnectedAsync(shop, merchant, None);
        using var fresh = await DirectoryAsync();
        var disconnected = await fresh.RouteAsync(shop, None);
        var other = MerchantId.New();
        Assert.True(await elsewhere.TryClaimAsync(shop, other, "sto_9", None));
        var reclaimed = await fresh.RouteAsync(shop, None);

        Assert.Null(unknown);
        Assert.Equal((merchant, "sto_1", true), (claimed!.MerchantId, claimed.StoreId, claimed.Connected));
        Assert.False(disconnected!.Connected);
        Assert.Equal((other, "sto_9", true), (reclaimed!.MerchantId, reclaimed.StoreId, reclaimed.Connected));
    }

    private static string NewShop() => $"dir-{Guid.NewGuid():N}"[..20] + ".myshopify.com";

    private static async Task<TableShopDirectory> DirectoryAsync()
    {
        var storage = StorageClients.FromConnectionString((await SharedEmulators.GetAsync()).Azurite.ConnectionString);
        await storage.Tables.CreateTableIfNotExistsAsync(TableShopDirectory.TableName);
        return new TableShopDirectory(storage);
    }
}
