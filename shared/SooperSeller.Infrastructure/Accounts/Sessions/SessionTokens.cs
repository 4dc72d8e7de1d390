using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using SooperSeller.Core.Accounts;

namespace SooperSeller.Infrastructure.Accounts.Sessions;

/// <summary>
/// Session tokens: 256 random bits, base64url in the cookie. The store keys sessions by the token's SHA-256, never the
/// token. The CSRF token is derived from the session token (HMAC), so it needs no storage and dies with the session.
/// </summary>
public static class SessionTokens
{
    private static readonly byte[] CsrfLabel = Encoding.ASCII.GetBytes("sooperseller-csrf-v1");

    public static string NewToken() => SecureToken.New();

    public static string NewId() => SecureToken.NewId();

    /// <summary>The hex SHA-256 of a well-formed token, or null when the text is not a token we issued.</summary>
    public static string? HashOf(string? token) => SecureToken.HashOf(token);

    public static string CsrfTokenFor(string token) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(Encoding.ASCII.GetBytes(token), CsrfLabel));

    /// <summary>Constant-time comparison of a presented CSRF token with the session's.</summary>
    public static bool CsrfMatches(string expected, string? presented) =>
        presented is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(presented));
}
