using System.Text.RegularExpressions;

namespace SooperSeller.Functions.Platform.OpenApi;

/// <summary>
/// A function's route (ASP.NET Core template syntax, without the <c>api</c> prefix) as OpenAPI writes it:
/// <c>users/{id:int}/role</c> is the path <c>/api/users/{id}/role</c> with a required integer path parameter <c>id</c>.
/// </summary>
public sealed partial record RouteTemplate(string Template, string Path, IReadOnlyList<RouteParameter> Parameters)
{
    public const string Prefix = "/api/";

    /// <summary>The route is one catch-all parameter (<c>{*path}</c>): the function that answers what nothing else does.</summary>
    public bool IsCatchAll => Parameters is [{ CatchAll: true } parameter] && Path == Prefix + "{" + parameter.Name + "}";

    public static RouteTemplate Parse(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var parameters = new List<RouteParameter>();
        var path = Placeholder().Replace(template.Trim('/'), match =>
        {
            var parameter = RouteParameter.Parse(match.Groups[1].Value);
            parameters.Add(parameter);
            return "{" + parameter.Name + "}";
        });
        return new RouteTemplate(template, Prefix + path, parameters);
    }

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex Placeholder();
}
