using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Products;

/// <summary>Products in the merchant's partition of <c>inventory</c>; each method is one Cosmos round trip.</summary>
public interface IProducts
{
    Task<Product?> FindAsync(MerchantId merchantId, string productId, CancellationToken cancellationToken);

    /// <summary>Creates the product; false when one with its id exists.</summary>
    Task<bool> TryCreateAsync(MerchantId merchantId, Product product, CancellationToken cancellationToken);

    /// <summary>Replaces the product if unchanged since read (<see cref="Product.Version"/>); false when it changed.</summary>
    Task<bool> TryReplaceAsync(MerchantId merchantId, Product product, CancellationToken cancellationToken);
}
