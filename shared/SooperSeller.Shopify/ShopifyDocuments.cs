using System.Reflection;
using System.Text.RegularExpressions;

namespace SooperSeller.Shopify;

/// <summary>A GraphQL document shipped with the client: its operation name and text.</summary>
public sealed record ShopifyDocument(string Name, string Text);

/// <summary>
/// Every GraphQL document the client can send: the <c>Documents/*.graphql</c> files embedded in this assembly, each with
/// the fragments of <c>Documents/Fragments/*.graphql</c> it spreads (and those they spread) appended, so the text is
/// complete as sent. <see cref="ShopifyOperation{TVariables, TData}"/> takes its text from here only, so the schema test
/// that iterates <see cref="All"/> covers everything that can reach Shopify (architecture D6).
/// </summary>
public static partial class ShopifyDocuments
{
    private const string Prefix = "SooperSeller.Shopify.Documents.";
    private const string FragmentPrefix = "SooperSeller.Shopify.Fragments.";
    private const string Suffix = ".graphql";

    /// <summary>All documents, ordered by name.</summary>
    public static IReadOnlyList<ShopifyDocument> All { get; } = Load();

    internal static string Text(string name) =>
        All.FirstOrDefault(d => d.Name == name)?.Text
        ?? throw new InvalidOperationException($"No embedded GraphQL document named {name}.");

    private static List<ShopifyDocument> Load()
    {
        var assembly = typeof(ShopifyDocuments).Assembly;
        var fragments = Resources(assembly, FragmentPrefix)
            .SelectMany(text => FragmentDefinition().Split(text).Skip(1).Chunk(2).Select(part => (Name: part[0], Text: "fragment " + part[0] + part[1].TrimEnd() + "\n")))
            .ToDictionary(f => f.Name, f => f.Text, StringComparer.Ordinal);
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(Suffix, StringComparison.Ordinal))
            .Select(n => new ShopifyDocument(n[Prefix.Length..^Suffix.Length], WithFragments(Read(assembly, n), fragments)))
            .OrderBy(d => d.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The document followed by every fragment it spreads, directly or through another fragment, each once.</summary>
    private static string WithFragments(string document, Dictionary<string, string> fragments)
    {
        var appended = new List<string>();
        var pending = new Queue<string>(Spreads(document));
        while (pending.TryDequeue(out var name))
        {
            if (appended.Contains(name))
            {
                continue;
            }

            var text = fragments.GetValueOrDefault(name) ?? throw new InvalidOperationException($"No embedded GraphQL fragment named {name}.");
            appended.Add(name);
            foreach (var spread in Spreads(text))
            {
                pending.Enqueue(spread);
            }
        }

        return appended.Count == 0 ? document : document.TrimEnd() + "\n\n" + string.Join("\n", appended.Select(name => fragments[name]));
    }

    private static IEnumerable<string> Spreads(string text) => FragmentSpread().Matches(text).Select(m => m.Groups[1].Value);

    private static IEnumerable<string> Resources(Assembly assembly, string prefix) =>
        assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(Suffix, StringComparison.Ordinal)).Select(n => Read(assembly, n));

    // "...Name" but not the inline "... on Type".
    [GeneratedRegex(@"\.\.\.\s*(?!on\b)([_A-Za-z][_0-9A-Za-z]*)", RegexOptions.CultureInvariant)]
    private static partial Regex FragmentSpread();

    // Splits a fragments file into [preamble, name, body, name, body, ...] at each "fragment Name".
    [GeneratedRegex(@"^fragment\s+([_A-Za-z][_0-9A-Za-z]*)", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex FragmentDefinition();

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
