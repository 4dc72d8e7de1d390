using Microsoft.AspNetCore.Http;

namespace SooperSeller.Functions.Http;

/// <summary>
/// The caller's IP address. In Azure the request reaches the worker through the platform's front end and the Functions
/// host, so the address is the last <c>X-Forwarded-For</c> entry (the one the platform appended; earlier entries are
/// whatever the client claimed). Elsewhere (the DevHost) it is the connection's address.
/// </summary>
public static class ClientAddress
{
    private static readonly bool BehindAzureFrontEnd = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WEBSITE_INSTANCE_ID"));

    public static string? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (BehindAzureFrontEnd && context.Request.Headers["X-Forwarded-For"].ToString() is { Length: > 0 } forwarded)
        {
            var last = forwarded.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)[^1];
            // The platform writes "address:port"; IPv6 addresses come bracketed when a port follows.
            return last.StartsWith('[') ? last[1..last.IndexOf(']', StringComparison.Ordinal)]
                : last.Count(c => c == ':') == 1 ? last[..last.IndexOf(':', StringComparison.Ordinal)]
                : last;
        }

        return context.Connection.RemoteIpAddress?.ToString();
    }
}
