using Microsoft.AspNetCore.Http;

namespace SooperSeller.Functions.Http.Auth;

/// <summary>
/// The staff session cookie: <c>__Host-sooperseller-staff</c>, separate from the merchant cookie, with the same
/// attributes except <c>SameSite=Strict</c> (staff never arrive by a cross-site link that needs their session).
/// </summary>
public static class StaffSessionCookie
{
    public const string Name = "__Host-sooperseller-staff";

    private static readonly HostCookie Cookie = new(Name, SameSiteMode.Strict);

    public static string? Read(HttpRequest request) => Cookie.Read(request);

    public static void Write(HttpResponse response, string token) => Cookie.Write(response, token);

    public static void Clear(HttpResponse response) => Cookie.Clear(response);
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
