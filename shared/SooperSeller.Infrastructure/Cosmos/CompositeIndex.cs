namespace SooperSeller.Infrastructure.Cosmos;

/// <summary>One path of a composite index, in the order the index lists it.</summary>
public sealed record IndexedPath(string Path, bool Descending = false);

/// <summary>
/// A composite index. Real Cosmos refuses an ORDER BY over several fields unless one exists with the same paths
/// in the same order and the same (or all inverted) directions; the stand-in does not check, so <see cref="TenantContainer"/> does.
/// </summary>
public sealed record CompositeIndex(params IndexedPath[] Paths)
{
    public bool Serves(IReadOnlyList<IndexedPath> orderBy)
    {
        ArgumentNullException.ThrowIfNull(orderBy);
        if (orderBy.Count != Paths.Length)
        {
            return false;
        }

        var same = true;
        var inverted = true;
        for (var i = 0; i < Paths.Length; i++)
        {
            if (!string.Equals(Paths[i].Path, orderBy[i].Path, StringComparison.Ordinal))
            {
                return false;
            }

            same &= Paths[i].Descending == orderBy[i].Descending;
            inverted &= Paths[i].Descending != orderBy[i].Descending;
        }

        return same || inverted;
    }
}
