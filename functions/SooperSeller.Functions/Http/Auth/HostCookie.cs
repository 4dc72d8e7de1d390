using Microsoft.AspNetCore.Http;

namespace SooperSeller.Functions.Http.Auth;

/// <summary>
/// A <c>__Host-</c> session cookie: <c>Secure; HttpOnly; Path=/</c>, no Domain (the prefix forbids one) and no expiry,
/// so it is a browser-session cookie and the server ends sessions. Merchant and staff cookies differ only in name and
/// SameSite.
/// </summary>
internal sealed class HostCookie(string name, SameSiteMode sameSite)
{
    private CookieOptions Options => new()
    {
        Secure = true,
        HttpOnly = true,
        SameSite = sameSite,
        Path = "/",
        IsEssential = true,
    };

    public string? Read(HttpRequest? request) =>
        request?.Cookies.TryGetValue(name, out var value) == true ? value : null;

    public void Write(HttpResponse response, string token)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Append(name, token, Options);
    }

    public void Clear(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Delete(name, Options);
    }
}
