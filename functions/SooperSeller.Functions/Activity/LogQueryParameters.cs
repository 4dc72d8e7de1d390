using System.Globalization;
using Microsoft.AspNetCore.Http;
using SooperSeller.Core.Activity;
using SooperSeller.Core.Errors;

namespace SooperSeller.Functions.Activity;

/// <summary>
/// Reads the query parameters of <c>GET /api/access-log</c> and <c>GET /api/audit-log</c>. <c>from</c> (inclusive) and
/// <c>to</c> (exclusive) are ISO-8601 instants with a time (<c>2026-11-28T19:00:00Z</c>; no offset means UTC), not
/// merchant days, so a caller in any time zone asks for exactly the span it means. Every bad value is a 400 naming its
/// parameter.
/// </summary>
public static class LogQueryParameters
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    public const int MaxTextLength = 100;

    public static LogListRequest<AccessLogFilter> ForAccessLog(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (from, to, actor, limit, cursor) = Common(query, errors);
        var resourceType = Text(query, "resourceType", errors);
        var action = EnumValue<AccessAction>(query, "action", errors);
        ThrowIfAny(errors);
        return new(new AccessLogFilter(from, to, actor, resourceType, action), limit, cursor);
    }

    public static LogListRequest<AuditLogFilter> ForAuditLog(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (from, to, actor, limit, cursor) = Common(query, errors);
        var action = EnumValue<AuditAction>(query, "action", errors);
        ThrowIfAny(errors);
        return new(new AuditLogFilter(from, to, actor, action), limit, cursor);
    }

    private static (DateTimeOffset? From, DateTimeOffset? To, string? Actor, int Limit, string? Cursor) Common(IQueryCollection query, Dictionary<string, string[]> errors)
    {
        var from = Instant(query, "from", errors);
        var to = Instant(query, "to", errors);
        if (from is not null && to is not null && from >= to)
        {
            errors["to"] = ["'to' must be later than 'from'."];
        }

        var limit = DefaultLimit;
        if (Single(query, "limit", errors) is { } text
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            errors["limit"] = [$"'limit' must be a whole number from 1 to {MaxLimit}."];
        }

        return (from, to, Text(query, "actor", errors), limit, Single(query, "cursor", errors));
    }

    private static DateTimeOffset? Instant(IQueryCollection query, string name, Dictionary<string, string[]> errors)
    {
        if (Single(query, name, errors) is not { } text)
        {
            return null;
        }

        if (text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return instant;
        }

        errors[name] = [$"'{name}' must be an ISO-8601 instant such as 2026-11-28T19:00:00Z."];
        return null;
    }

    private static string? Text(IQueryCollection query, string name, Dictionary<string, string[]> errors)
    {
        var text = Single(query, name, errors);
        if (text is { Length: > MaxTextLength })
        {
            errors[name] = [$"'{name}' is longer than {MaxTextLength} characters."];
            return null;
        }

        return text;
    }

    private static TEnum? EnumValue<TEnum>(IQueryCollection query, string name, Dictionary<string, string[]> errors)
        where TEnum : struct, Enum
    {
        if (Single(query, name, errors) is not { } text)
        {
            return null;
        }

        if (!text.All(char.IsAsciiLetter) || !Enum.TryParse<TEnum>(text, ignoreCase: true, out var value))
        {
            var allowed = string.Join(", ", Enum.GetNames<TEnum>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
            errors[name] = [$"'{name}' must be one of: {allowed}."];
            return null;
        }

        return value;
    }

    private static string? Single(IQueryCollection query, string name, Dictionary<string, string[]> errors)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }

        if (values.Count != 1 || string.IsNullOrWhiteSpace(values[0]))
        {
            errors[name] = [$"Give '{name}' once, with a value."];
            return null;
        }

        return values[0];
    }

    private static void ThrowIfAny(Dictionary<string, string[]> errors)
    {
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }
    }
}
