using System.Text.RegularExpressions;

namespace SooperSeller.Infrastructure.Cosmos;

/// <summary>Reads the ORDER BY clause of a Cosmos SQL query, to check that a composite index serves it.</summary>
internal static partial class OrderByClause
{
    /// <summary>The ordered paths (<c>c.a.b DESC</c> → <c>/a/b</c>, descending), or empty when the query has no ORDER BY.</summary>
    public static IReadOnlyList<IndexedPath> Parse(string queryText)
    {
        var clause = Clause().Match(queryText);
        if (!clause.Success)
        {
            return [];
        }

        var terms = clause.Groups["terms"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var paths = new List<IndexedPath>(terms.Length);
        foreach (var term in terms)
        {
            var match = Term().Match(term);
            if (!match.Success)
            {
                throw new InvalidOperationException(
                    $"Cannot read the ORDER BY term '{term}'. Order by plain property paths (c.a.b [ASC|DESC]) so the composite index check can verify it.");
            }

            var path = "/" + string.Join('/', match.Groups["path"].Value.Split('.', StringSplitOptions.RemoveEmptyEntries));
            var descending = match.Groups["dir"].Value.Equals("DESC", StringComparison.OrdinalIgnoreCase);
            paths.Add(new IndexedPath(path, descending));
        }

        return paths;
    }

    [GeneratedRegex(@"\bORDER\s+BY\s+(?<terms>.+?)(?=\s+OFFSET\b|\s*$)", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Clause();

    [GeneratedRegex(@"^\w+(?<path>(\.\w+)+)(\s+(?<dir>ASC|DESC))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Term();
}
