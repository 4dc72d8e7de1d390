using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace SooperSeller.Core.Accounts.Throttling;

/// <summary>
/// One throttle counter: a kind and the SHA-256 of its subject (a normalised email address or a client address), so
/// neither addresses nor IPs are ever stored or logged by the throttle.
/// </summary>
public readonly record struct ThrottleKey
{
    private ThrottleKey(ThrottleKind kind, string subject)
    {
        Kind = kind;
        Subject = subject;
    }

    public ThrottleKind Kind { get; }

    /// <summary>Lower-case hex SHA-256 of the normalised subject.</summary>
    public string Subject { get; }

    /// <summary>
    /// A counter per email address, normalised as <see cref="EmailAddress"/> does (trimmed, lower-cased). Text that is no
    /// valid address gets a counter too, so sign-ins for addresses without accounts are throttled exactly alike.
    /// </summary>
    public static ThrottleKey ForEmail(ThrottleKind kind, string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return new ThrottleKey(kind, Hash("email:" + email.Trim().ToLowerInvariant()));
    }

    public static ThrottleKey ForEmail(ThrottleKind kind, EmailAddress email) => ForEmail(kind, email.Value);

    /// <summary>A counter per merchant (invitation sends).</summary>
    public static ThrottleKey ForMerchant(ThrottleKind kind, Tenancy.MerchantId merchantId) => new(kind, Hash("merchant:" + merchantId.Value));

    /// <summary>
    /// A counter per client address. IPv6 clients are counted per /64, the block one subscriber gets, since a
    /// single client can change the rest at will; IPv4-mapped IPv6 addresses count as their IPv4 address.
    /// </summary>
    public static ThrottleKey ForClient(ThrottleKind kind, IPAddress? client) => new(kind, Hash(Canonical(client)));

    private static string Canonical(IPAddress? client)
    {
        if (client is null)
        {
            return "ip:unknown";
        }

        if (client.IsIPv4MappedToIPv6)
        {
            client = client.MapToIPv4();
        }

        if (client.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return "ip4:" + client;
        }

        var bytes = client.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return "ip6:" + new IPAddress(bytes) + "/64";
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
