using System.Buffers;
using Microsoft.AspNetCore.Http;
using SooperSeller.Core.Errors;
using SooperSeller.Shopify;

namespace SooperSeller.Functions.Http.Auth;

/// <summary>
/// The raw body of a <c>[ShopifyHmac]</c> request whose signature checked out, as an HttpContext feature: the very
/// bytes that were verified go to the function, so nothing re-reads or re-serialises (and so alters) the body.
/// </summary>
public sealed record ShopifySignedBody(ReadOnlyMemory<byte> Bytes)
{
    /// <summary>The signature header; also read without the <c>X-</c> prefix, as Shopify's newer surfaces send it.</summary>
    public const string SignatureHeader = "X-Shopify-Hmac-Sha256";

    /// <summary>Reads the whole body (within the route's limit, already applied) and verifies it; 401 when it fails.</summary>
    public static async Task<ShopifySignedBody> VerifyAsync(HttpRequest request, IReadOnlyList<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(request);
        var signature = ShopifyHeaders.Get(request.Headers, SignatureHeader);
        // Refuse an unsigned request before reading its body: nothing is buffered for it.
        if (string.IsNullOrWhiteSpace(signature))
        {
            throw new UnauthenticatedException($"The {SignatureHeader} signature is missing.");
        }

        var body = await ReadAllAsync(request.Body, request.ContentLength, request.HttpContext.RequestAborted);
        return ShopifyWebhookSignature.IsValid(body.Span, signature, secrets)
            ? new ShopifySignedBody(body)
            : throw new UnauthenticatedException($"The {SignatureHeader} signature does not match the body.");
    }

    private static async Task<ReadOnlyMemory<byte>> ReadAllAsync(Stream body, long? length, CancellationToken cancellationToken)
    {
        if (length is { } known)
        {
            // The limit stream refuses a declared length over the route's limit before this point.
            var exact = new byte[known];
            await body.ReadExactlyAsync(exact, cancellationToken);
            return exact;
        }

        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        while (true)
        {
            var read = await body.ReadAsync(buffer.GetMemory(16 * 1024), cancellationToken);
            if (read == 0)
            {
                return buffer.WrittenMemory;
            }

            buffer.Advance(read);
        }
    }
}

/// <summary>The verified body of the current request; only <c>[ShopifyHmac]</c> functions have one.</summary>
public static class ShopifySignedBodyExtensions
{
    public static ShopifySignedBody GetShopifySignedBody(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.Features.Get<ShopifySignedBody>()
            ?? throw new InvalidOperationException("This function has no verified Shopify body: declare [ShopifyHmac] to get one.");
    }
}
