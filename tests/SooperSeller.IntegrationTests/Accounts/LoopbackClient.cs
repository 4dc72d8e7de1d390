using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace SooperSeller.IntegrationTests.Accounts;

/// <summary>
/// An HttpClient that calls from a fresh loopback address (127.x.y.z), so the per-client throttle counters its tests
/// build up are theirs alone and never those of other tests on the shared Azurite.
/// </summary>
internal static class LoopbackClient
{
    public static HttpClient Fresh(Uri baseAddress) => From(FreshAddress(), baseAddress);

    /// <summary>A client whose connections leave from <paramref name="source"/>: the DevHost sees it as the caller's IP.</summary>
    public static HttpClient From(IPAddress source, Uri baseAddress)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("Sec-Fetch-Site", "same-origin");
        return client;
    }

    /// <summary>A random 127.x.y.z; 127.x.y.z is all loopback on Linux; where only 127.0.0.1 is (macOS), tests share it.</summary>
    public static IPAddress FreshAddress()
    {
        var address = new IPAddress([127, (byte)RandomNumberGenerator.GetInt32(1, 255), (byte)RandomNumberGenerator.GetInt32(0, 256), (byte)RandomNumberGenerator.GetInt32(1, 255)]);
        try
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(address, 0));
            return address;
        }
        catch (SocketException)
        {
            return IPAddress.Loopback;
        }
    }
}
