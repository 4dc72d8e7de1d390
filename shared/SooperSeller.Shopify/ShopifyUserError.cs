namespace SooperSeller.Shopify;

/// <summary>
/// A mutation's <c>userErrors</c> entry: Shopify refused the input (a 200 response, not a GraphQL error).
/// <see cref="Code"/> is set by the error types that have one (e.g. <c>BulkOperationUserError</c>).
/// </summary>
public sealed record ShopifyUserError(IReadOnlyList<string>? Field, string Message, string? Code = null);

/// <summary>A mutation payload: its typed result plus the <c>userErrors</c> Shopify returned instead of failing the request.</summary>
public interface IShopifyMutationPayload
{
    IReadOnlyList<ShopifyUserError> UserErrors { get; }
}

/// <summary>Turns <c>userErrors</c> into an exception where the caller has no use for them beyond failing.</summary>
public static class ShopifyMutationPayloadExtensions
{
    /// <summary>Returns <paramref name="payload"/> when it has no user errors; otherwise throws <see cref="ShopifyUserErrorsException"/>.</summary>
    public static TPayload ThrowIfUserErrors<TPayload>(this TPayload payload)
        where TPayload : IShopifyMutationPayload
    {
        ArgumentNullException.ThrowIfNull(payload);
        return payload.UserErrors is { Count: > 0 } errors ? throw new ShopifyUserErrorsException(errors) : payload;
    }
}
