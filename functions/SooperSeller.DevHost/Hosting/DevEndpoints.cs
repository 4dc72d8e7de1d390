using SooperSeller.Functions.Http;

namespace SooperSeller.DevHost.Hosting;

/// <summary>
/// Routes that exist only in the DevHost, never in the Functions app (contract "Platform"): <c>GET /dev/outbox</c>,
/// answered only in sandbox mode.
/// </summary>
internal static class DevEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, bool sandbox) =>
        endpoints.MapGet("/dev/outbox", () => sandbox
            // The outbox arrives with the accounts work; until then the route says so rather than pretend to be empty.
            ? Results.Problem(ProblemDetailsWriter.Problem(StatusCodes.Status501NotImplemented, "The outbox is not built yet; it comes with sign-up and email."))
            : Results.Problem(ProblemDetailsWriter.Problem(StatusCodes.Status404NotFound, "/dev/outbox exists only in the DevHost's sandbox mode (DevHost:Sandbox=true).")));
}
