using Microsoft.Extensions.Diagnostics.HealthChecks;
using SooperSeller.Core.Secrets;

namespace SooperSeller.Infrastructure.Health;

/// <summary>Secret store round trip: Key Vault lists one secret's properties; the local store opens its key and file.</summary>
internal sealed class SecretsHealthCheck(ISecretStore secrets) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await secrets.ProbeAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
