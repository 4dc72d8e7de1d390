namespace SooperSeller.Functions.Http;

/// <summary><c>Frontend:Origins</c>: the front end's origins (comma-separated), for CORS and anonymous state changes.</summary>
public sealed class FrontendOptions
{
    public const string SectionName = "Frontend";

    public string Origins { get; set; } = string.Empty;

    /// <summary>Where links and redirects to the front end point: its first origin, with a trailing slash.</summary>
    public Uri LinkBase => new(Origins.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0].TrimEnd('/') + "/");

    public IReadOnlySet<string> OriginSet =>
        Origins.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(o => o.TrimEnd('/'))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
