using System.Net;
using System.Text;
using System.Text.Json;

namespace SooperSeller.UnitTests.Shopify;

/// <summary>An in-memory Shopify: answers each request with the given function and records what was sent.</summary>
internal sealed class FakeShopifyHandler(Func<FakeShopifyHandler.Received, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    private readonly List<Received> _received = [];

    public FakeShopifyHandler(Func<Received, HttpResponseMessage> respond)
        : this((received, _) => Task.FromResult(respond(received)))
    {
    }

    public IReadOnlyList<Received> Requests
    {
        get
        {
            lock (_received)
            {
                return _received.ToList();
            }
        }
    }

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var received = new Received(
            request.Method,
            request.RequestUri!,
            request.Headers.TryGetValues("X-Shopify-Access-Token", out var tokens) ? tokens.Single() : null,
            body);
        lock (_received)
        {
            _received.Add(received);
        }

        return await respond(received, cancellationToken);
    }

    internal sealed record Received(HttpMethod Method, Uri Uri, string? AccessToken, string Body)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

        public JsonElement Variables => Json.GetProperty("variables");

        public string? OperationName => Body.Length == 0 ? null : Json.GetProperty("operationName").GetString();
    }
}
