namespace SooperSeller.Functions.Http;

/// <summary><c>Frontend:Origins</c>: the front end's origins (comma-separated), for CORS and anonymous state changes.</summary>
public sealed class FrontendOptions
{
    public const string SectionName = "Frontend";

    public string Origins { get; set; } = string.Empty;

    public IReadOnlySet<string> OriginSet =>
        Origins.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(o => o.TrimEnd('/'))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
