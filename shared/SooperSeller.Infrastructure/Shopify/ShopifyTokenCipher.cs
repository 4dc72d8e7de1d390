using System.Security.Cryptography;
using System.Text;
using SooperSeller.Core.Secrets;

namespace SooperSeller.Infrastructure.Shopify;

/// <summary>
/// Encrypts Shopify tokens for their Table row with AES-256-GCM under a key kept in the secret store
/// (<see cref="KeyName"/>; created on first use when missing, then read back so racing creators agree on the stored
/// one). The shop domain and the field name are the associated data, so a ciphertext moved to another shop's row or
/// another column does not decrypt. Format: base64(nonce 12 | tag 16 | ciphertext).
/// </summary>
public sealed class ShopifyTokenCipher(ISecretStore secrets)
{
    public static readonly SecretName KeyName = new("shopify-token-key");
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private Task<byte[]>? _key;

    public async Task<string> EncryptAsync(string shop, string field, string plaintext, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(cancellationToken);
        var data = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceBytes + TagBytes + data.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, data, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), Associated(shop, field));
        return Convert.ToBase64String(sealedBytes);
    }

    public async Task<string> DecryptAsync(string shop, string field, string sealedText, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(cancellationToken);
        var sealedBytes = Convert.FromBase64String(sealedText);
        if (sealedBytes.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException("The stored token is malformed.");
        }

        var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), plain, Associated(shop, field));
        return Encoding.UTF8.GetString(plain);
    }

    private static byte[] Associated(string shop, string field) => Encoding.UTF8.GetBytes(shop + "|" + field);

    // One load per process; a failed load (the secret store unreachable) is tried again by the next caller.
    private Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        var load = _key;
        if (load is null || load.IsFaulted || load.IsCanceled)
        {
            load = LoadKeyAsync();
            _key = load;
        }

        return load.WaitAsync(cancellationToken);
    }

    private async Task<byte[]> LoadKeyAsync()
    {
        var stored = await secrets.GetAsync(KeyName, CancellationToken.None);
        if (stored is null)
        {
            await secrets.SetAsync(KeyName, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), CancellationToken.None);
            stored = await secrets.GetAsync(KeyName, CancellationToken.None) ?? throw new InvalidOperationException("The Shopify token key could not be stored.");
        }

        return Convert.FromBase64String(stored);
    }
}
