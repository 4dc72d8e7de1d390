namespace SooperSeller.Shopify;

/// <summary>A page of a GraphQL connection, read through its <c>nodes</c> and <c>pageInfo</c> fields.</summary>
public sealed record Connection<TNode>(IReadOnlyList<TNode> Nodes, PageInfo PageInfo);

/// <summary>Cursor paging state: request the next page with <c>after: endCursor</c> while <see cref="HasNextPage"/>.</summary>
public sealed record PageInfo(bool HasNextPage, string? EndCursor);
