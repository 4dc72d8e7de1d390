using SooperSeller.Core.Activity;
using SooperSeller.Core.Common;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Cosmos;

namespace SooperSeller.Infrastructure.Activity;

/// <summary>
/// The audit log of administrative actions in the <c>activity</c> container, in the merchant's partition, kept 90 days
/// by the container TTL like the usage data it carries (an IP address). Documents hold ids only.
/// </summary>
public sealed class CosmosAuditLog(TenantStore store, TimeProvider time) : IAuditLog
{
    public const string Kind = "audit";

    private TenantContainer Container => store.For(TenantContainers.Activity);

    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var document = new AuditLogDocument
        {
            Id = Kind + "_" + Guid.CreateVersion7(time.GetUtcNow()).ToString("N"),
            At = ActivityQuery.FormatTime(entry.At),
            ActorKind = entry.Actor.Kind,
            ActorId = entry.Actor.Id,
            Action = entry.Action,
            TargetId = entry.TargetId,
            IpAddress = entry.IpAddress,
            RequestId = entry.RequestId,
        };
        await Container.CreateAsync(entry.MerchantId, document, cancellationToken);
    }

    public async Task<Page<AuditLogView>> ListAsync(MerchantId merchantId, AuditLogFilter filter, int limit, string? cursor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = new ActivityQuery(Kind)
            .Between(filter.From, filter.To)
            .Where("actorId", "=", "@actor", filter.ActorId)
            .Where("action", "=", "@action", filter.Action is { } action ? ActivityQuery.EnumValue(action) : null)
            .Build();
        var page = await Container.QueryPageAsync<AuditLogDocument>(merchantId, query, limit, cursor, cancellationToken);
        return new Page<AuditLogView>([.. page.Items.Select(ToView)], page.NextCursor);
    }

    private static AuditLogView ToView(AuditLogDocument d) =>
        new(d.Id, ActivityQuery.ParseTime(d.At), new ActivityActor(d.ActorKind, d.ActorId), d.Action, d.TargetId, d.IpAddress, d.RequestId);

    internal sealed record AuditLogDocument : TenantDocument
    {
        public string Kind { get; init; } = CosmosAuditLog.Kind;

        public string At { get; init; } = string.Empty;

        public ActorKind ActorKind { get; init; }

        public string ActorId { get; init; } = string.Empty;

        public AuditAction Action { get; init; }

        public string? TargetId { get; init; }

        public string? IpAddress { get; init; }

        public string? RequestId { get; init; }
    }
}
