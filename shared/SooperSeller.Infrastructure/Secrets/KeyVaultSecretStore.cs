using System.Collections.Concurrent;
using Azure;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using SooperSeller.Core.Secrets;

namespace SooperSeller.Infrastructure.Secrets;

/// <summary>
/// Key Vault, signed in with the app's managed identity (RBAC, no access keys). Reads are cached for a few minutes so
/// a hot path costs no vault round trip; writes and deletes drop the cached value at once.
/// </summary>
public sealed class KeyVaultSecretStore(SecretClient client, TimeProvider time) : ISecretStore
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, (string? Value, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public KeyVaultSecretStore(Uri vaultUri, TimeProvider time)
        : this(new SecretClient(vaultUri, new DefaultAzureCredential()), time)
    {
    }

    public async Task<string?> GetAsync(SecretName name, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(name.Value, out var cached) && cached.Until > now)
        {
            return cached.Value;
        }

        string? value;
        try
        {
            value = (await client.GetSecretAsync(name.Value, null, cancellationToken)).Value.Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            value = null;
        }

        _cache[name.Value] = (value, now + CacheFor);
        return value;
    }

    public async Task SetAsync(SecretName name, string value, CancellationToken cancellationToken)
    {
        _cache.TryRemove(name.Value, out _);
        await client.SetSecretAsync(name.Value, value, cancellationToken);
    }

    public async Task DeleteAsync(SecretName name, CancellationToken cancellationToken)
    {
        _cache.TryRemove(name.Value, out _);
        try
        {
            await client.StartDeleteSecretAsync(name.Value, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // already gone
        }
    }

    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        await foreach (var page in client.GetPropertiesOfSecretsAsync(cancellationToken).AsPages(pageSizeHint: 1))
        {
            _ = page;
            break;
        }
    }
}
