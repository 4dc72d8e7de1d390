namespace SooperSeller.Functions.Activity;

/// <summary>A log list's filters and paging as the query string gives them.</summary>
public sealed record LogListRequest<TFilter>(TFilter Filter, int Limit, string? Cursor);
