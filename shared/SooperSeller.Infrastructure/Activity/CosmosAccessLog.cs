using SooperSeller.Core.Activity;
using SooperSeller.Core.Common;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Cosmos;

namespace SooperSeller.Infrastructure.Activity;

/// <summary>
/// The personal-data access log in the <c>activity</c> container, in the merchant's partition, kept 90 days by the
/// container TTL (architecture section 4). Documents hold ids, never the data read.
/// </summary>
public sealed class CosmosAccessLog(TenantStore store, TimeProvider time) : IAccessLog
{
    public const string Kind = "access";

    private TenantContainer Container => store.For(TenantContainers.Activity);

    public async Task RecordAsync(AccessLogEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.ResourceType);
        ArgumentNullException.ThrowIfNull(entry.RecordIds);
        var document = new AccessLogDocument
        {
            Id = Kind + "_" + Guid.CreateVersion7(time.GetUtcNow()).ToString("N"),
            At = ActivityQuery.FormatTime(entry.At),
            ActorKind = entry.Actor.Kind,
            ActorId = entry.Actor.Id,
            Action = entry.Action,
            ResourceType = entry.ResourceType,
            RecordIds = [.. entry.RecordIds.Take(AccessLogEntry.MaxRecordIds)],
            RecordCount = entry.RecordIds.Count,
            Purpose = entry.Purpose,
            IpAddress = entry.IpAddress,
            RequestId = entry.RequestId,
        };
        await Container.CreateAsync(entry.MerchantId, document, cancellationToken);
    }

    public async Task<Page<AccessLogView>> ListAsync(MerchantId merchantId, AccessLogFilter filter, int limit, string? cursor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = new ActivityQuery(Kind)
            .Between(filter.From, filter.To)
            .Where("actorId", "=", "@actor", filter.ActorId)
            .Where("resourceType", "=", "@resourceType", filter.ResourceType)
            .Where("action", "=", "@action", filter.Action is { } action ? ActivityQuery.EnumValue(action) : null)
            .Build();
        var page = await Container.QueryPageAsync<AccessLogDocument>(merchantId, query, limit, cursor, cancellationToken);
        return new Page<AccessLogView>([.. page.Items.Select(ToView)], page.NextCursor);
    }

    private static AccessLogView ToView(AccessLogDocument d) =>
        new(d.Id, ActivityQuery.ParseTime(d.At), new ActivityActor(d.ActorKind, d.ActorId), d.Action, d.ResourceType, d.RecordIds, d.RecordCount, d.Purpose, d.IpAddress, d.RequestId);

    internal sealed record AccessLogDocument : TenantDocument
    {
        public string Kind { get; init; } = CosmosAccessLog.Kind;

        public string At { get; init; } = string.Empty;

        public ActorKind ActorKind { get; init; }

        public string ActorId { get; init; } = string.Empty;

        public AccessAction Action { get; init; }

        public string ResourceType { get; init; } = string.Empty;

        public IReadOnlyList<string> RecordIds { get; init; } = [];

        public int RecordCount { get; init; }

        public AccessPurpose Purpose { get; init; }

        public string? IpAddress { get; init; }

        public string? RequestId { get; init; }
    }
}
