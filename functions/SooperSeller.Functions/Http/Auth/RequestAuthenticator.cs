using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Core.Errors;
using SooperSeller.Infrastructure.Accounts.Sessions;
using SooperSeller.Core.Accounts.Authentication;

namespace SooperSeller.Functions.Http.Auth;

/// <summary>
/// Enforces a function's <see cref="AuthenticationKindAttribute"/> before it runs, in both hosts. One session read per
/// request and nothing cached across requests, so a revoked session stops working everywhere at once.
/// </summary>
public sealed class RequestAuthenticator(ISessionStore sessions, SooperSeller.Core.Staff.IStaffSessionStore staffSessions, IOptions<FrontendOptions> frontend, IOptions<SooperSeller.Shopify.ShopifyOptions> shopify)
{
    public const string CsrfHeader = "X-CSRF-Token";

    public async Task AuthenticateAsync(HttpContext context, MethodInfo function)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(function);
        switch (KindOf(function))
        {
            case AnonymousAttribute anonymous:
                if (anonymous.ChangesState && ChangesState(context.Request) && !FromOurFrontEnd(context.Request))
                {
                    throw new ForbiddenException("Cross-site requests may not change anything.");
                }

                break;
            case SessionAttribute session:
                var active = await sessions.ValidateAsync(SessionCookie.Read(context.Request) ?? string.Empty, context.RequestAborted)
                    ?? throw new UnauthenticatedException("Sign in first: there is no valid session.");
                if (ChangesState(context.Request) && !SessionTokens.CsrfMatches(active.CsrfToken, context.Request.Headers[CsrfHeader]))
                {
                    throw new ForbiddenException($"The {CsrfHeader} header is missing or does not match the session.");
                }

                if (session.Permission is { } permission && !RolePermissions.Has(active.Subject.Role, permission))
                {
                    throw new ForbiddenException("Your role does not allow this.");
                }

                context.Features.Set(new Caller(active.Subject.UserId, active.Subject.MerchantId, active.Subject.Role, active.SessionId, active.CsrfToken));
                break;
            case PlatformStaffAttribute:
                var staff = await staffSessions.ValidateAsync(StaffSessionCookie.Read(context.Request) ?? string.Empty, context.RequestAborted)
                    ?? throw new UnauthenticatedException("Sign in as platform staff first: there is no valid staff session.");
                if (ChangesState(context.Request) && !SessionTokens.CsrfMatches(staff.CsrfToken, context.Request.Headers[CsrfHeader]))
                {
                    throw new ForbiddenException($"The {CsrfHeader} header is missing or does not match the session.");
                }

                context.Features.Set(new StaffCaller(staff.StaffId, staff.SessionId, staff.CsrfToken));
                break;
            case ShopifyHmacAttribute:
                // No cookie counts here, nor CSRF: Shopify's servers sign the body, and only that is checked.
                context.Features.Set(await ShopifySignedBody.VerifyAsync(context.Request, shopify.Value.Secrets));
                break;
            default:
                throw new InvalidOperationException($"{function.DeclaringType?.Name}.{function.Name} declares no authentication kind.");
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<MethodInfo, AuthenticationKindAttribute?> Kinds = new();

    /// <summary>The function's one declared kind, or null (read once per function, not per request).</summary>
    public static AuthenticationKindAttribute? KindOf(MethodInfo function) =>
        Kinds.GetOrAdd(function, static f => f.GetCustomAttribute<AuthenticationKindAttribute>());

    private static bool ChangesState(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));

    private bool FromOurFrontEnd(HttpRequest request) =>
        request.Headers["Sec-Fetch-Site"].ToString() is "same-origin" or "same-site" or "none"
        || (request.Headers.Origin.ToString() is { Length: > 0 } origin && frontend.Value.OriginSet.Contains(origin));

}
