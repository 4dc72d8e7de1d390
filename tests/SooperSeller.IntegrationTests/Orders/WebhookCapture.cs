using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SooperSeller.IntegrationTests.Orders;

/// <summary>One webhook request as the simulator sent it: headers (case-insensitive) and the raw body.</summary>
internal sealed record CapturedWebhook(IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Topic => Headers["X-Shopify-Topic"];
}

/// <summary>
/// A loopback HTTP endpoint the simulator's webhook subscriptions point at; it records every delivery and answers 200
/// (or the status it is given, to see Shopify's retries).
/// </summary>
internal sealed class WebhookCapture : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<CapturedWebhook> _deliveries = [];
    private readonly HttpStatusCode _answer;

    public WebhookCapture(HttpStatusCode answer = HttpStatusCode.OK)
    {
        _answer = answer;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/webhooks/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(ListenAsync);
    }

    public string Url { get; }

    public IReadOnlyList<CapturedWebhook> Deliveries
    {
        get
        {
            lock (_deliveries)
            {
                return [.. _deliveries];
            }
        }
    }

    /// <summary>Waits (10 s at most) until <paramref name="count"/> deliveries in all have arrived; returns them all.</summary>
    public async Task<IReadOnlyList<CapturedWebhook>> WaitForAsync(int count)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (Deliveries.Count < count)
        {
            Assert.True(DateTime.UtcNow < until, $"only {Deliveries.Count} of {count} webhook deliveries arrived");
            await Task.Delay(20);
        }

        return Deliveries;
    }

    public void Dispose() => _listener.Close();

    private async Task ListenAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = context.Request.Headers.AllKeys.ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            lock (_deliveries)
            {
                _deliveries.Add(new CapturedWebhook(headers, body.ToArray()));
            }

            context.Response.StatusCode = (int)_answer;
            context.Response.Close();
        }
    }
}
