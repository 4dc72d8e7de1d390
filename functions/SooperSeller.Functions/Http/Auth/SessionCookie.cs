using Microsoft.AspNetCore.Http;

namespace SooperSeller.Functions.Http.Auth;

/// <summary>
/// The contract's session cookie: <c>__Host-sooperseller-session</c>, <c>Secure; HttpOnly; SameSite=Lax; Path=/</c>, no
/// Domain (the <c>__Host-</c> prefix forbids one) and no expiry, so it is a session cookie; the server ends sessions.
/// </summary>
public static class SessionCookie
{
    public const string Name = "__Host-sooperseller-session";

    private static CookieOptions Options => new()
    {
        Secure = true,
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Path = "/",
        IsEssential = true,
    };

    public static string? Read(HttpRequest request) =>
        request?.Cookies.TryGetValue(Name, out var value) == true ? value : null;

    public static void Write(HttpResponse response, string token)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Append(Name, token, Options);
    }

    public static void Clear(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Delete(Name, Options);
    }
}
