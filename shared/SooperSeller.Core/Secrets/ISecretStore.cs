namespace SooperSeller.Core.Secrets;

/// <summary>
/// Where secrets rest: the Shopify app secret, per-merchant courier credentials, data keys. Key Vault in Azure, an
/// encrypted local file elsewhere. Values never appear in logs, documents or exception messages.
/// </summary>
public interface ISecretStore
{
    /// <summary>The secret's value, or null when no secret has that name.</summary>
    Task<string?> GetAsync(SecretName name, CancellationToken cancellationToken);

    Task SetAsync(SecretName name, string value, CancellationToken cancellationToken);

    Task DeleteAsync(SecretName name, CancellationToken cancellationToken);

    /// <summary>A round trip proving the store can be read (the health probe).</summary>
    Task ProbeAsync(CancellationToken cancellationToken);
}
