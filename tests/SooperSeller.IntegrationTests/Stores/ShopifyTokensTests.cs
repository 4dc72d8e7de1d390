using Microsoft.Extensions.DependencyInjection;
using SooperSeller.DevHost.Emulators;
using SooperSeller.Infrastructure.Shopify;
using SooperSeller.IntegrationTests.Shopify;
using SooperSeller.Infrastructure.Storage;
using SooperSeller.Shopify;
using SooperSeller.Shopify.Operations;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Stores;

/// <summary>
/// Expiring offline tokens kept in Table storage on Azurite, refreshed against the Shopify simulator. Two app
/// instances are two service providers sharing only Azurite and the secret store, as two Functions instances would.
/// </summary>
public sealed class ShopifyTokensTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>, IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string _secrets = AppInstance.NewSecretsDirectory();
    private ServiceProvider? _first;
    private ServiceProvider? _second;

    private ShopifySimulator Shopify => fixture.Emulators.Shopify;

    public async Task InitializeAsync()
    {
        _first = Instance();
        _second = Instance();
        await _first.GetRequiredService<StorageClients>().Tables.CreateTableIfNotExistsAsync(TableShopifyTokens.TableName);
    }

    public async Task DisposeAsync()
    {
        await _first!.DisposeAsync();
        await _second!.DisposeAsync();
    }

    [Fact]
    public async Task ExpiredToken_TwoInstancesAtOnce_RefreshOnceAndBothUseTheNewToken()
    {
        var shop = await NewConnectedShopAsync(expiresAt: DateTimeOffset.UtcNow.AddMinutes(-1));

        var tokens = await Task.WhenAll(
            Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? _first! : _second!).GetRequiredService<IShopifyAccessTokens>().GetAsync(shop, None)));
        var data = await _second!.GetRequiredService<ShopifyAdminClient>().ExecuteAsync(shop, ShopifyOperations.GetShop, NoVariables.Instance, None);

        Assert.Equal(1, (await Shopify.GetCountersAsync(shop.Value)).TokenRefreshes);
        Assert.Single(tokens.Distinct(StringComparer.Ordinal));
        Assert.Equal(shop.Value, data.Shop.MyshopifyDomain);
    }

    [Fact]
    public async Task TokenShopifyNoLongerAccepts_IsRefreshedOnceOnThe401_AndTheRequestSucceeds()
    {
        var shop = await NewConnectedShopAsync(expiresAt: DateTimeOffset.UtcNow.AddMinutes(50));
        await Shopify.ExpireAccessTokensAsync(shop.Value);

        var data = await _first!.GetRequiredService<ShopifyAdminClient>().ExecuteAsync(shop, ShopifyOperations.GetShop, NoVariables.Instance, None);
        var counters = await Shopify.GetCountersAsync(shop.Value);

        Assert.Equal(shop.Value, data.Shop.MyshopifyDomain);
        Assert.Equal(1, counters.TokenRefreshes);
        Assert.Equal(1, counters.Unauthorized);
    }

    [Fact]
    public async Task StoredTokens_AreEncrypted_AndBoundToTheirShop()
    {
        var shop = await NewConnectedShopAsync(expiresAt: DateTimeOffset.UtcNow.AddMinutes(50));
        var token = await _first!.GetRequiredService<IShopifyAccessTokens>().GetAsync(shop, None);
        var first = _first!;
        var table = _first!.GetRequiredService<StorageClients>().Tables.GetTableClient(TableShopifyTokens.TableName);
        var row = (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>(shop.Value, "token")).Value;

        var other = ShopDomain.Parse("other-" + shop.Value);
        row.PartitionKey = other.Value;
        await table.UpsertEntityAsync(row);
        var moved = () => first.GetRequiredService<IShopifyAccessTokens>().GetAsync(other, None);

        Assert.DoesNotContain(token, string.Join('|', row.Select(p => p.Value?.ToString())), StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<System.Security.Cryptography.CryptographicException>(moved);
    }

    private async Task<ShopDomain> NewConnectedShopAsync(DateTimeOffset expiresAt)
    {
        var shop = ShopDomain.Parse($"tok-{Guid.NewGuid():N}"[..16] + ".myshopify.com");
        await Shopify.CreateShopAsync(shop.Value);
        var issued = await Shopify.IssueAccessTokenAsync(shop.Value, ShopifyScopes.Required);
        var tokens = new ShopifyTokenSet(issued.AccessToken, expiresAt, issued.RefreshToken, DateTimeOffset.UtcNow.AddDays(30), ShopifyScopes.Parse(issued.Scope));
        await _first!.GetRequiredService<IShopifyTokenStore>().SaveAsync(shop, tokens, None);
        return shop;
    }

    private ServiceProvider Instance() => AppInstance.Create(fixture.Emulators, _secrets);
}
