namespace SooperSeller.Shopify.Operations;

/// <summary>
/// Variables of <c>RunBulkQuery</c>: <see cref="Query"/> is a GraphQL query over one connection, without paging
/// arguments. With <see cref="GroupObjects"/> false (faster), child lines link to their parent by <c>__parentId</c>.
/// </summary>
public sealed record RunBulkQueryVariables(string Query, bool GroupObjects = false);

public sealed record RunBulkQueryData(BulkOperationRunQueryPayload BulkOperationRunQuery);

public sealed record BulkOperationRunQueryPayload(BulkOperationStarted? BulkOperation, IReadOnlyList<ShopifyUserError> UserErrors)
    : IShopifyMutationPayload;

public sealed record BulkOperationStarted(string Id, string Status);

public sealed record GetBulkOperationData(BulkOperationNode? Node);

/// <summary>
/// A bulk operation's state. <see cref="Url"/> and <see cref="PartialDataUrl"/> are signed download links that
/// expire after 7 days and hold personal data: do not log them.
/// </summary>
public sealed record BulkOperationNode(
    string Id,
    string Status,
    string? ErrorCode,
    long ObjectCount,
    Uri? Url,
    Uri? PartialDataUrl,
    DateTimeOffset? CompletedAt)
{
    public bool IsFinished => Status is "COMPLETED" or "FAILED" or "CANCELED" or "EXPIRED";
}
