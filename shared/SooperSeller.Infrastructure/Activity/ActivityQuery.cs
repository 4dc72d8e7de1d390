using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Azure.Cosmos;

namespace SooperSeller.Infrastructure.Activity;

/// <summary>
/// The shared query of the logs in the <c>activity</c> container: one kind of document, optional filters, newest first
/// (served by the composite index (at DESC, id DESC) declared in TenantContainers).
/// </summary>
internal sealed class ActivityQuery(string kind)
{
    private readonly StringBuilder _where = new("WHERE c.kind = @kind");
    private readonly List<(string Name, object Value)> _parameters = [("@kind", kind)];

    /// <summary>
    /// Times are stored as fixed-width UTC text (100 ns precision), so that text order is time order in queries and in
    /// the composite index whatever serializer writes the query parameters.
    /// </summary>
    public static string FormatTime(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string at) =>
        DateTimeOffset.ParseExact(at, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static string EnumValue<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public ActivityQuery Where(string path, string op, string name, object? value)
    {
        if (value is not null)
        {
            _where.Append(CultureInfo.InvariantCulture, $" AND c.{path} {op} {name}");
            _parameters.Add((name, value));
        }

        return this;
    }

    public ActivityQuery Between(DateTimeOffset? from, DateTimeOffset? to) =>
        Where("at", ">=", "@from", from is { } f ? FormatTime(f) : null)
            .Where("at", "<", "@to", to is { } t ? FormatTime(t) : null);

    public QueryDefinition Build()
    {
        var query = new QueryDefinition($"SELECT * FROM c {_where} ORDER BY c.at DESC, c.id DESC");
        foreach (var (name, value) in _parameters)
        {
            query = query.WithParameter(name, value);
        }

        return query;
    }
}
