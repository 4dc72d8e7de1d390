using Microsoft.Azure.Cosmos;

namespace SooperSeller.Infrastructure.Cosmos;

/// <summary>
/// A container as declared once in code: name, partition key (always <c>/merchantId</c>), TTL and indexing policy.
/// The DevHost and tests create containers from these; the Bicep templates are checked against them.
/// </summary>
public sealed record ContainerDefinition(string Name, int? DefaultTimeToLiveSeconds, IReadOnlyList<CompositeIndex> CompositeIndexes)
{
    public const string PartitionKeyPath = "/merchantId";

    public ContainerProperties ToContainerProperties()
    {
        var properties = new ContainerProperties(Name, PartitionKeyPath)
        {
            DefaultTimeToLive = DefaultTimeToLiveSeconds,
            IndexingPolicy = new IndexingPolicy
            {
                Automatic = true,
                IndexingMode = IndexingMode.Consistent,
            },
        };
        properties.IndexingPolicy.IncludedPaths.Add(new IncludedPath { Path = "/*" });
        properties.IndexingPolicy.ExcludedPaths.Add(new ExcludedPath { Path = "/\"_etag\"/?" });
        foreach (var index in CompositeIndexes)
        {
            var paths = new System.Collections.ObjectModel.Collection<CompositePath>();
            foreach (var path in index.Paths)
            {
                paths.Add(new CompositePath { Path = path.Path, Order = path.Descending ? CompositePathSortOrder.Descending : CompositePathSortOrder.Ascending });
            }

            properties.IndexingPolicy.CompositeIndexes.Add(paths);
        }

        return properties;
    }

    /// <summary>
    /// Refuses a query whose ORDER BY names several fields unless a declared composite index serves it: real Cosmos
    /// refuses such queries, the stand-in does not, so this keeps local runs honest.
    /// </summary>
    public void EnsureIndexed(string queryText)
    {
        var orderBy = OrderByClause.Parse(queryText);
        if (orderBy.Count > 1 && !CompositeIndexes.Any(index => index.Serves(orderBy)))
        {
            var wanted = string.Join(", ", orderBy.Select(p => p.Path + (p.Descending ? " DESC" : " ASC")));
            throw new InvalidOperationException(
                $"Container '{Name}' has no composite index for ORDER BY {wanted}; real Cosmos refuses such a query. Declare one in TenantContainers.");
        }
    }
}
