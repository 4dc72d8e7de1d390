using SooperSeller.Shopify;

namespace SooperSeller.UnitTests.Shopify;

/// <summary>Hands out "token-1", and "token-2", "token-3"… on each refresh.</summary>
internal sealed class FakeAccessTokens : IShopifyAccessTokens
{
    private int _generation = 1;

    public List<string> Rejected { get; } = [];

    public Task<string> GetAsync(ShopDomain shop, CancellationToken cancellationToken) => Task.FromResult($"token-{_generation}");

    public Task<string> RefreshAsync(ShopDomain shop, string rejectedToken, CancellationToken cancellationToken)
    {
        Rejected.Add(rejectedToken);
        return Task.FromResult($"token-{++_generation}");
    }
}
