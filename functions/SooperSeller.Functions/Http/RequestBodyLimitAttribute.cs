namespace SooperSeller.Functions.Http;

/// <summary>
/// The largest request body a function accepts (contract "Conventions"); a function without one gets
/// <see cref="RequestBodyLimits.Json"/>. Over the limit the caller gets 413 ProblemDetails before the function runs.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequestBodyLimitAttribute(long bytes) : Attribute
{
    public long Bytes { get; } = bytes;
}

public static class RequestBodyLimits
{
    public const long Json = 64 * 1024;
    public const long ShopifyWebhook = 5 * 1024 * 1024;
    public const long CsvUpload = 20 * 1024 * 1024;

    public static long For(System.Reflection.MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return method.GetCustomAttributes(typeof(RequestBodyLimitAttribute), inherit: false) is [RequestBodyLimitAttribute limit, ..]
            ? limit.Bytes
            : Json;
    }
}
