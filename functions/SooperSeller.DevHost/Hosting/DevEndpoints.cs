using System.Globalization;
using SooperSeller.Core.Errors;
using SooperSeller.Functions.Http;
using SooperSeller.Infrastructure.Notifications;

namespace SooperSeller.DevHost.Hosting;

/// <summary>
/// Routes that exist only in the DevHost, never in the Functions app (contract "Platform"): <c>GET /dev/outbox</c>,
/// answered only in sandbox mode, lists the messages the outbox holds (not sent yet, or held because no SMTP server is
/// configured), newest first, with their links: where a developer finds the verification or reset link.
/// </summary>
internal static class DevEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, bool sandbox)
    {
        if (sandbox)
        {
            endpoints.MapGet("/dev/outbox", ListOutboxAsync);
        }
        else
        {
            endpoints.MapGet("/dev/outbox", () => Results.Problem(ProblemDetailsWriter.Problem(StatusCodes.Status404NotFound, "/dev/outbox exists only in the DevHost's sandbox mode (DevHost:Sandbox=true).")));
        }
    }

    // GET /dev/outbox?limit=N&cursor=C → {"items": [{id, to, subject, text, links, createdAt, status}], "nextCursor"}
    private static async Task<IResult> ListOutboxAsync(TableOutbox outbox, string? limit, string? cursor, CancellationToken cancellationToken)
    {
        var page = await outbox.ListAsync(ParseLimit(limit), cursor, cancellationToken);
        return TypedResults.Ok(new OutboxResponse(
            [.. page.Items.Select(e => new OutboxItem(e.Id, e.To, e.Subject, e.Text, e.Links, e.CreatedAt.UtcDateTime, e.Status))],
            page.NextCursor));
    }

    private static int? ParseLimit(string? limit) =>
        limit is null ? null
        : int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : throw new ValidationFailedException("limit", $"limit must be between 1 and {TableOutbox.MaxPageSize}.");

    private sealed record OutboxResponse(IReadOnlyList<OutboxItem> Items, string? NextCursor);

    private sealed record OutboxItem(string Id, string To, string Subject, string Text, IReadOnlyList<string> Links, DateTime CreatedAt, string Status);
}
