using Microsoft.AspNetCore.Http;

namespace SooperSeller.Functions.Http.Auth;

/// <summary>
/// The contract's session cookie: <c>__Host-sooperseller-session</c>, <c>Secure; HttpOnly; SameSite=Lax; Path=/</c>, no
/// Domain (the <c>__Host-</c> prefix forbids one) and no expiry, so it is a session cookie; the server ends sessions.
/// </summary>
public static class SessionCookie
{
    public const string Name = "__Host-sooperseller-session";

    private static readonly HostCookie Cookie = new(Name, SameSiteMode.Lax);

    public static string? Read(HttpRequest request) => Cookie.Read(request);

    public static void Write(HttpResponse response, string token) => Cookie.Write(response, token);

    public static void Clear(HttpResponse response) => Cookie.Clear(response);
}
