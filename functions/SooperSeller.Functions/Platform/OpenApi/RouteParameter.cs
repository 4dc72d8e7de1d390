namespace SooperSeller.Functions.Platform.OpenApi;

/// <summary>
/// A route parameter: its name and the JSON Schema type and format of its first typed constraint (else string). OpenAPI
/// path parameters are always required, so an optional one (<c>{page?}</c>) is documented as required too.
/// </summary>
public sealed record RouteParameter(string Name, string Type, string? Format, bool CatchAll)
{
    public static RouteParameter Parse(string placeholder)
    {
        ArgumentNullException.ThrowIfNull(placeholder);
        var catchAll = placeholder.StartsWith('*');
        var body = placeholder.TrimStart('*');
        var end = body.IndexOfAny([':', '=', '?']);
        var name = end < 0 ? body : body[..end];
        var constraints = end >= 0 && body[end] == ':' ? body[(end + 1)..].TrimEnd('?').Split('=')[0].Split(':') : [];
        var (type, format) = constraints.Select(TypeOf).FirstOrDefault(t => t.Type is not null);
        return new RouteParameter(name, type ?? "string", format, catchAll);
    }

    // ASP.NET Core's route constraints that fix the value's type; the others (length, alpha, regex...) leave a string.
    private static (string? Type, string? Format) TypeOf(string constraint) => (constraint.Split('(')[0].ToLowerInvariant()) switch
    {
        "int" => ("integer", "int32"),
        "long" or "min" or "max" or "range" => ("integer", "int64"),
        "bool" => ("boolean", null),
        "decimal" => ("number", null),
        "double" => ("number", "double"),
        "float" => ("number", "float"),
        "guid" => ("string", "uuid"),
        "datetime" => ("string", "date-time"),
        _ => (null, null),
    };
}
