using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace SooperSeller.Shopify;

/// <summary>
/// Our Admin GraphQL client (architecture D1), a typed HttpClient. Every request: reserves its estimated cost in the
/// shop's bucket (<see cref="ShopifyCostBuckets"/>), takes the token from <see cref="IShopifyAccessTokens"/>, retries
/// transient failures with backoff, refreshes the token once on 401, and waits and retries when Shopify answers
/// THROTTLED. Variables and response data are never logged: they may hold personal data.
/// </summary>
public sealed partial class ShopifyAdminClient
{
    private const string AccessTokenHeader = "X-Shopify-Access-Token";

    private readonly HttpClient _http;
    private readonly IShopifyAccessTokens _tokens;
    private readonly ShopifyOptions _options;
    private readonly ShopifyCostBuckets _buckets;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ShopifyAdminClient> _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _transport;

    public ShopifyAdminClient(
        HttpClient http,
        IShopifyAccessTokens tokens,
        IOptions<ShopifyOptions> options,
        ShopifyCostBuckets buckets,
        TimeProvider timeProvider,
        ILogger<ShopifyAdminClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _tokens = tokens;
        _options = options.Value;
        _buckets = buckets;
        _timeProvider = timeProvider;
        _logger = logger;
        _transport = ShopifyResilience.Create(_options, timeProvider, (attempt, status, delay) => Log.Retrying(_logger, attempt, (int?)status, delay.TotalMilliseconds));
    }

    /// <summary>
    /// Runs <paramref name="operation"/> against <c>{AdminBase}/admin/api/{ApiVersion}/graphql.json</c> and returns its data.
    /// </summary>
    /// <exception cref="ShopifyGraphQLException">Shopify returned top-level <c>errors</c> (other than THROTTLED).</exception>
    /// <exception cref="ShopifyThrottledException">Still THROTTLED after <see cref="ShopifyOptions.MaxThrottledAttempts"/> waits.</exception>
    /// <exception cref="ShopifyHttpException">A non-success status that retries and one token refresh did not cure.</exception>
    public async Task<TData> ExecuteAsync<TVariables, TData>(
        ShopDomain shop, ShopifyOperation<TVariables, TData> operation, TVariables variables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentNullException.ThrowIfNull(operation);
        var endpoint = _options.AdminUri(shop, $"/admin/api/{_options.ApiVersion}/graphql.json");
        var body = RequestBody(operation, variables);
        var bucket = _buckets.For(shop);
        var token = await _tokens.GetAsync(shop, cancellationToken);
        var refreshed = false;
        var throttled = 0;
        while (true)
        {
            using var reservation = await bucket.ReserveAsync(() => _buckets.CostOf(operation.Name, operation.EstimatedCost), cancellationToken);
            var cost = reservation.Cost;
            using var response = await SendAsync(HttpMethod.Post, endpoint, body, token, HttpCompletionOption.ResponseContentRead, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized && !refreshed)
            {
                reservation.Dispose();
                Log.RefreshingToken(_logger, shop.Value, operation.Name);
                token = await _tokens.RefreshAsync(shop, token, cancellationToken);
                refreshed = true;
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                Log.HttpFailed(_logger, shop.Value, operation.Name, (int)response.StatusCode);
                throw new ShopifyHttpException($"Shopify answered {(int)response.StatusCode} to {operation.Name}.", response.StatusCode);
            }

            var envelope = await ReadEnvelopeAsync(response, operation.Name, cancellationToken);
            var queryCost = envelope.Extensions?.Cost;
            // What the operation really costs is learnt before the reservation completes: completing wakes the requests
            // waiting on the bucket, and each asks the cost again; learnt after, a burst could reserve the (lower)
            // declared estimate and overrun the bucket (seen under load: 6 THROTTLED answers in BurstOf50ConcurrentQueries,
            // 4 in the simulator burst test).
            if (queryCost?.RequestedQueryCost is { } requested)
            {
                _buckets.RememberRequestedCost(operation.Name, requested);
            }

            reservation.Complete(queryCost);

            var errors = envelope.Errors ?? [];
            if (errors.Any(e => e.Extensions?.Code == "THROTTLED"))
            {
                if (++throttled >= _options.MaxThrottledAttempts)
                {
                    throw new ShopifyThrottledException($"Shopify kept throttling {operation.Name} after {throttled} attempts.");
                }

                var wait = ThrottleWait(queryCost, cost);
                Log.Throttled(_logger, shop.Value, operation.Name, wait.TotalMilliseconds);
                await Task.Delay(wait, _timeProvider, cancellationToken);
                continue;
            }

            if (errors.Count > 0)
            {
                var graphQLErrors = errors.Select(e => new ShopifyGraphQLError(e.Message ?? "", e.Extensions?.Code)).ToList();
                Log.GraphQLFailed(_logger, shop.Value, operation.Name, string.Join(",", graphQLErrors.Select(e => e.Code ?? "none").Distinct()));
                throw new ShopifyGraphQLException(operation.Name, graphQLErrors);
            }

            if (envelope.Data is not { ValueKind: JsonValueKind.Object } data)
            {
                throw new ShopifyGraphQLException(operation.Name, [new ShopifyGraphQLError("The response had no data.", null)]);
            }

            return data.Deserialize(operation.DataType)
                ?? throw new ShopifyGraphQLException(operation.Name, [new ShopifyGraphQLError("The response data was null.", null)]);
        }
    }

    /// <summary>
    /// Every node of a cursor-paged connection: runs <paramref name="operation"/> with
    /// <c>variablesForCursor(null)</c>, then with each page's <c>endCursor</c> while <c>hasNextPage</c>.
    /// </summary>
    public async IAsyncEnumerable<TNode> PageAsync<TVariables, TData, TNode>(
        ShopDomain shop,
        ShopifyOperation<TVariables, TData> operation,
        Func<string?, TVariables> variablesForCursor,
        Func<TData, Connection<TNode>> select,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(variablesForCursor);
        ArgumentNullException.ThrowIfNull(select);
        string? cursor = null;
        while (true)
        {
            var page = select(await ExecuteAsync(shop, operation, variablesForCursor(cursor), cancellationToken));
            foreach (var node in page.Nodes)
            {
                yield return node;
            }

            if (!page.PageInfo.HasNextPage)
            {
                yield break;
            }

            if (string.IsNullOrEmpty(page.PageInfo.EndCursor) || page.PageInfo.EndCursor == cursor)
            {
                throw new ShopifyGraphQLException(operation.Name, [new ShopifyGraphQLError("hasNextPage without a new endCursor.", null)]);
            }

            cursor = page.PageInfo.EndCursor;
        }
    }

    /// <summary>
    /// Streams a finished bulk operation's JSONL (<c>url</c> or <c>partialDataUrl</c>) one line at a time, never holding
    /// the file in memory. The URL is pre-signed: no access token is sent, and it is never logged.
    /// </summary>
    public async IAsyncEnumerable<JsonElement> ReadBulkJsonlAsync(Uri url, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var response = await SendAsync(HttpMethod.Get, url, null, null, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new ShopifyHttpException($"The bulk operation result download answered {(int)response.StatusCode}.", response.StatusCode);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            yield return document.RootElement.Clone();
        }
    }

    // Shopify's rule: wait until the bucket has restored enough for the cost, (cost − currentlyAvailable) / restoreRate.
    private static TimeSpan ThrottleWait(QueryCost? queryCost, double estimatedCost)
    {
        if (queryCost?.ThrottleStatus is not { RestoreRate: > 0 } status)
        {
            return TimeSpan.FromSeconds(1);
        }

        var cost = queryCost.RequestedQueryCost ?? estimatedCost;
        var seconds = Math.Clamp((cost - status.CurrentlyAvailable) / status.RestoreRate, 0.05, 60);
        return TimeSpan.FromSeconds(seconds);
    }

    private static byte[] RequestBody<TVariables, TData>(ShopifyOperation<TVariables, TData> operation, TVariables variables)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("query", operation.Document);
            writer.WriteString("operationName", operation.Name);
            writer.WritePropertyName("variables");
            JsonSerializer.Serialize(writer, variables, operation.VariablesType);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, Uri uri, byte[]? body, string? token, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        var state = (Client: this, Method: method, Uri: uri, Body: body, Token: token, Completion: completion);
        return await _transport.ExecuteAsync(
            static async (s, ct) =>
            {
                // A fresh message per attempt: HttpClient refuses to send one twice.
                using var request = new HttpRequestMessage(s.Method, s.Uri);
                if (s.Body is not null)
                {
                    request.Content = new ByteArrayContent(s.Body);
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                }

                if (s.Token is not null)
                {
                    request.Headers.TryAddWithoutValidation(AccessTokenHeader, s.Token);
                }

                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                return await s.Client._http.SendAsync(request, s.Completion, ct);
            },
            state,
            cancellationToken);
    }

    private static async Task<GraphQLResponse> ReadEnvelopeAsync(HttpResponseMessage response, string operationName, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await JsonSerializer.DeserializeAsync(stream, ShopifyJsonContext.Default.GraphQLResponse, cancellationToken)
                ?? throw new ShopifyGraphQLException(operationName, [new ShopifyGraphQLError("The response body was null.", null)]);
        }
        catch (JsonException exception)
        {
            throw new ShopifyGraphQLException($"Shopify answered {operationName} with unreadable JSON.", exception);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Warning, "Retrying a Shopify request (attempt {Attempt}, status {StatusCode}) in {DelayMs} ms")]
        public static partial void Retrying(ILogger logger, int attempt, int? statusCode, double delayMs);

        [LoggerMessage(LogLevel.Information, "Shopify rejected the access token for {Shop} ({Operation}); refreshing it once")]
        public static partial void RefreshingToken(ILogger logger, string shop, string operation);

        [LoggerMessage(LogLevel.Warning, "Shopify throttled {Operation} for {Shop}; waiting {WaitMs} ms")]
        public static partial void Throttled(ILogger logger, string shop, string operation, double waitMs);

        [LoggerMessage(LogLevel.Warning, "Shopify answered HTTP {StatusCode} to {Operation} for {Shop}")]
        public static partial void HttpFailed(ILogger logger, string shop, string operation, int statusCode);

        [LoggerMessage(LogLevel.Warning, "Shopify returned GraphQL errors for {Operation} on {Shop}: codes {Codes}")]
        public static partial void GraphQLFailed(ILogger logger, string shop, string operation, string codes);
    }
}
