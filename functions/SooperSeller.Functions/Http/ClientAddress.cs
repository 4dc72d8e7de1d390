using Microsoft.AspNetCore.Http;

namespace SooperSeller.Functions.Http;

/// <summary>
/// The caller's IP address: the connection's. In Azure the worker's ASP.NET Core integration already applies the
/// forwarded headers of the Functions host it trusts, so this is the address the platform's front end saw; reading
/// <c>X-Forwarded-For</c> here again would trust what a client wrote into it. In the DevHost it is the socket's.
/// </summary>
public static class ClientAddress
{
    public static string? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Connection.RemoteIpAddress?.ToString();
    }
}
