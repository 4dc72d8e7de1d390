namespace SooperSeller.Core.Common;

/// <summary>One page of a list: the contract's <c>{"items": [...], "nextCursor": "..." | null}</c>.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
