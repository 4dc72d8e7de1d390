using System.Buffers.Text;
using System.Security.Cryptography;

namespace SooperSeller.Core.Accounts;

/// <summary>Single-use tokens for links (verification, reset, invitation): 256 random bits, stored only as their hash.</summary>
public static class SecureToken
{
    private const int Bytes = 32;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>Lower-case hex SHA-256 of a well-formed token, or null for anything we never issued.</summary>
    public static string? HashOf(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length != 43)
        {
            return null;
        }

        Span<byte> raw = stackalloc byte[Bytes];
        return Base64Url.TryDecodeFromChars(token, raw, out var written) && written == Bytes
            ? Convert.ToHexStringLower(SHA256.HashData(raw))
            : null;
    }

    /// <summary>A short random id (128 bits, base64url), for things that are not secrets.</summary>
    public static string NewId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
}
