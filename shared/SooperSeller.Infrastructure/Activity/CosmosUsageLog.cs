using System.Security.Cryptography;
using SooperSeller.Core.Activity;
using SooperSeller.Infrastructure.Cosmos;

namespace SooperSeller.Infrastructure.Activity;

/// <summary>
/// Usage events in the <c>activity</c> container (90-day TTL). A signed-in request's event lives in its merchant's
/// partition; an anonymous one in one of <see cref="AnonymousBuckets"/> partitions picked at random, so a flood from
/// one source spreads evenly instead of making a hot partition.
/// </summary>
public sealed class CosmosUsageLog(TenantStore store, TimeProvider time) : IUsageLog
{
    public const int AnonymousBuckets = 64;

    private TenantContainer Container => store.For(TenantContainers.Activity);

    public async Task RecordAsync(UsageEvent usage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var document = new UsageEventDocument
        {
            Id = "usage_" + Guid.CreateVersion7(time.GetUtcNow()).ToString("N"),
            At = usage.At,
            IpAddress = usage.IpAddress,
            UserAgent = usage.UserAgent is { Length: > UsageEvent.MaxUserAgentLength } agent ? agent[..UsageEvent.MaxUserAgentLength] : usage.UserAgent,
            Method = usage.Method,
            Route = usage.RouteTemplate,
            Status = usage.Status,
            UserId = usage.UserId,
        };
        if (usage.MerchantId is { } merchant)
        {
            await Container.CreateAsync(merchant, document, cancellationToken);
        }
        else
        {
            await Container.CreateUnattributedAsync(RandomNumberGenerator.GetInt32(AnonymousBuckets), document, cancellationToken);
        }
    }

    internal sealed record UsageEventDocument : TenantDocument
    {
        public string Kind { get; init; } = "usage";

        public DateTimeOffset At { get; init; }

        public string? IpAddress { get; init; }

        public string? UserAgent { get; init; }

        public string Method { get; init; } = string.Empty;

        public string Route { get; init; } = string.Empty;

        public int Status { get; init; }

        public string? UserId { get; init; }
    }
}
