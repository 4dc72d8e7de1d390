using Microsoft.AspNetCore.Http;

namespace SooperSeller.Functions.Http.Auth;

/// <summary>
/// The staff session cookie: <c>__Host-sooperseller-staff</c>, separate from the merchant cookie, with the same
/// attributes except <c>SameSite=Strict</c> (staff never arrive by a cross-site link that needs their session).
/// </summary>
public static class StaffSessionCookie
{
    public const string Name = "__Host-sooperseller-staff";

    private static CookieOptions Options => new()
    {
        Secure = true,
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
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

/// <summary>The signed-in staff member of a <c>PlatformStaff</c> function. No merchant: no standing access.</summary>
public sealed record StaffCaller(string StaffId, string SessionId, string CsrfToken);

public static class StaffCallerExtensions
{
    public static StaffCaller GetStaffCaller(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.Features.Get<StaffCaller>()
            ?? throw new InvalidOperationException("This function has no staff caller: declare [PlatformStaff] to get one.");
    }
}
