using System.Text.Json;

namespace SooperSeller.Shopify;

/// <summary>The GraphQL response envelope; <see cref="Data"/> is deserialised by the operation's own type afterwards.</summary>
internal sealed class GraphQLResponse
{
    public JsonElement? Data { get; init; }

    public List<GraphQLErrorEntry>? Errors { get; init; }

    public GraphQLResponseExtensions? Extensions { get; init; }
}

internal sealed class GraphQLErrorEntry
{
    public string? Message { get; init; }

    public GraphQLErrorExtensions? Extensions { get; init; }
}

internal sealed class GraphQLErrorExtensions
{
    public string? Code { get; init; }
}

internal sealed class GraphQLResponseExtensions
{
    public QueryCost? Cost { get; init; }
}

/// <summary><c>extensions.cost</c>: what the query was charged and the bucket afterwards.</summary>
internal sealed class QueryCost
{
    public double? RequestedQueryCost { get; init; }

    /// <summary>Null when the request was throttled (nothing was charged).</summary>
    public double? ActualQueryCost { get; init; }

    public ThrottleStatus? ThrottleStatus { get; init; }
}

/// <summary>The leaky bucket per app and store after the request.</summary>
internal sealed class ThrottleStatus
{
    public double MaximumAvailable { get; init; }

    public double CurrentlyAvailable { get; init; }

    public double RestoreRate { get; init; }
}
