using System.Reflection;

namespace SooperSeller.Shopify;

/// <summary>A GraphQL document shipped with the client: its operation name and text.</summary>
public sealed record ShopifyDocument(string Name, string Text);

/// <summary>
/// Every GraphQL document the client can send: the <c>Documents/*.graphql</c> files embedded in this assembly.
/// <see cref="ShopifyOperation{TVariables, TData}"/> takes its text from here only, so the schema test that iterates
/// <see cref="All"/> covers everything that can reach Shopify (architecture D6).
/// </summary>
public static class ShopifyDocuments
{
    private const string Prefix = "SooperSeller.Shopify.Documents.";
    private const string Suffix = ".graphql";

    /// <summary>All documents, ordered by name.</summary>
    public static IReadOnlyList<ShopifyDocument> All { get; } = Load();

    internal static string Text(string name) =>
        All.FirstOrDefault(d => d.Name == name)?.Text
        ?? throw new InvalidOperationException($"No embedded GraphQL document named {name}.");

    private static List<ShopifyDocument> Load()
    {
        var assembly = typeof(ShopifyDocuments).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(Suffix, StringComparison.Ordinal))
            .Select(n => new ShopifyDocument(n[Prefix.Length..^Suffix.Length], Read(assembly, n)))
            .OrderBy(d => d.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
