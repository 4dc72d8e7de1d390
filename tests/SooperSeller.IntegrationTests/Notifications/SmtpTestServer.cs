using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SooperSeller.Testing;

namespace SooperSeller.IntegrationTests.Notifications;

/// <summary>An SMTP server in the test process on a free loopback port, keeping every message it accepts.</summary>
internal sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    private SmtpTestServer(int port, bool rejectRecipients)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(Messages));
        if (rejectRecipients)
        {
            services.Add(new DelegatingMailboxFilter((_, _) => true, (_, _, _) => false));
        }

        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    /// <param name="port">A port to listen on (to bring a server "back up"); a free one when null.</param>
    /// <param name="rejectRecipients">Refuse every recipient (550), as a server does for an unknown mailbox.</param>
    public static async Task<SmtpTestServer> StartAsync(int? port = null, bool rejectRecipients = false)
    {
        var server = new SmtpTestServer(port ?? FreePort(), rejectRecipients);
        var ready = await Eventually.HoldsAsync(() => server.AcceptsConnectionsAsync(), TimeSpan.FromSeconds(10));
        Assert.True(ready, "the SMTP test server did not start listening");
        return server;
    }

    /// <summary>A loopback port nothing listens on (for "SMTP is down").</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // stopped
        }

        _stop.Dispose();
    }

    private async Task<bool> AcceptsConnectionsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> messages) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
