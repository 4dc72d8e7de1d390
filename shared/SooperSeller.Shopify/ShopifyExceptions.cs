using System.Net;

namespace SooperSeller.Shopify;

/// <summary>Base of the Admin API client's failures, so callers can catch "Shopify said no" in one place.</summary>
public abstract class ShopifyApiException : Exception
{
    protected ShopifyApiException()
    {
    }

    protected ShopifyApiException(string message)
        : base(message)
    {
    }

    protected ShopifyApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>A top-level GraphQL error (<c>errors[]</c>). The message names the operation and the codes only.</summary>
public sealed class ShopifyGraphQLException : ShopifyApiException
{
    public ShopifyGraphQLException()
    {
    }

    public ShopifyGraphQLException(string message)
        : base(message)
    {
    }

    public ShopifyGraphQLException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ShopifyGraphQLException(string operationName, IReadOnlyList<ShopifyGraphQLError> errors)
        : base($"Shopify GraphQL {operationName} failed: {DescribeCodes(errors)}.")
    {
        OperationName = operationName;
        Errors = errors;
    }

    public string? OperationName { get; }

    /// <summary>Shopify's messages may quote input values: do not log them.</summary>
    public IReadOnlyList<ShopifyGraphQLError> Errors { get; } = [];

    /// <summary>The distinct <c>extensions.code</c> values, e.g. <c>ACCESS_DENIED</c>, <c>MAX_COST_EXCEEDED</c>.</summary>
    public IReadOnlyList<string> Codes => Errors.Select(e => e.Code).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    private static string DescribeCodes(IReadOnlyList<ShopifyGraphQLError> errors)
    {
        var codes = errors.Select(e => e.Code ?? "no code").Distinct(StringComparer.Ordinal);
        return $"{errors.Count} error(s), codes {string.Join(", ", codes)}";
    }
}

/// <summary>One entry of a GraphQL response's <c>errors</c>.</summary>
public sealed record ShopifyGraphQLError(string Message, string? Code);

/// <summary>A mutation's <c>userErrors</c>, raised by <see cref="ShopifyMutationPayloadExtensions.ThrowIfUserErrors{TPayload}"/>.</summary>
public sealed class ShopifyUserErrorsException : ShopifyApiException
{
    public ShopifyUserErrorsException()
    {
    }

    public ShopifyUserErrorsException(string message)
        : base(message)
    {
    }

    public ShopifyUserErrorsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ShopifyUserErrorsException(IReadOnlyList<ShopifyUserError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<ShopifyUserError> Errors { get; } = [];

    // Field paths and codes only: messages may quote what was sent.
    private static string Describe(IReadOnlyList<ShopifyUserError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var parts = errors.Select(e => $"{(e.Field is { Count: > 0 } f ? string.Join('.', f) : "(input)")}{(e.Code is null ? "" : " " + e.Code)}");
        return $"Shopify refused the input: {string.Join("; ", parts)}.";
    }
}

/// <summary>
/// Shopify answered with an HTTP status the client does not recover from (after retries for 5xx/429 and one token
/// refresh for 401): e.g. 402 (shop frozen), 403, 404 (shop gone), 423 (shop locked).
/// </summary>
public sealed class ShopifyHttpException : ShopifyApiException
{
    public ShopifyHttpException()
    {
    }

    public ShopifyHttpException(string message)
        : base(message)
    {
    }

    public ShopifyHttpException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ShopifyHttpException(string message, HttpStatusCode statusCode)
        : base(message)
    {
        StatusCode = statusCode;
    }

    public HttpStatusCode? StatusCode { get; }
}

/// <summary>Shopify kept answering THROTTLED after the bounded number of waits.</summary>
public sealed class ShopifyThrottledException : ShopifyApiException
{
    public ShopifyThrottledException()
    {
    }

    public ShopifyThrottledException(string message)
        : base(message)
    {
    }

    public ShopifyThrottledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
