using System.Collections.Concurrent;
using System.Net;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace SooperSeller.Infrastructure.Cosmos;

#pragma warning disable RS0030 // The tenant data base is the one place that may touch CosmosClient and Container.

/// <summary>
/// The tenant data base: owns the Cosmos client and hands out <see cref="TenantContainer"/>s for the containers declared
/// in <see cref="TenantContainers"/>. Repositories take this, never a <c>CosmosClient</c> (a banned-API rule enforces it).
/// </summary>
public sealed class TenantStore : IDisposable
{
    private readonly CosmosClient _client;
    private readonly Database _database;
    private readonly ResiliencePipeline<ResponseMessage> _resilience;
    private readonly ConcurrentDictionary<string, TenantContainer> _containers = new(StringComparer.Ordinal);

    public TenantStore(IOptions<CosmosOptions> options, ILogger<TenantStore> logger)
        : this(CosmosClientFactory.Create(options.Value), options.Value.Database, logger)
    {
    }

    internal TenantStore(CosmosClient client, string databaseName, ILogger logger)
    {
        _client = client;
        _database = client.GetDatabase(databaseName);
        _resilience = CreateResilience(logger);
    }

    public string DatabaseName => _database.Id;

    public TenantContainer For(ContainerDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return _containers.GetOrAdd(definition.Name, _ => new TenantContainer(_database.GetContainer(definition.Name), definition, _resilience));
    }

    /// <summary>
    /// Creates the database and every declared container if missing (the DevHost and tests; in Azure the Bicep
    /// templates create them, from the same declarations).
    /// </summary>
    public async Task EnsureCreatedAsync(IEnumerable<ContainerDefinition> definitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        await _client.CreateDatabaseIfNotExistsAsync(_database.Id, cancellationToken: cancellationToken);
        foreach (var definition in definitions)
        {
            await _database.CreateContainerIfNotExistsAsync(definition.ToContainerProperties(), cancellationToken: cancellationToken);
        }
    }

    /// <summary>Reads the database's properties: the health probe's round trip.</summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        using var response = await _database.ReadStreamAsync(cancellationToken: cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => _client.Dispose();

    // 429s that outlast the SDK's own retries, 408s and 503s are transient in Cosmos: retry with jittered exponential
    // backoff, honouring the server's retry-after when it gives one. Only operations that are safe to repeat pass
    // through here: reads and queries, and writes whose repeat the caller can tell apart (409 on create, 412 on ETag).
    private static ResiliencePipeline<ResponseMessage> CreateResilience(ILogger logger) =>
        new ResiliencePipelineBuilder<ResponseMessage>()
            .AddRetry(new RetryStrategyOptions<ResponseMessage>
            {
                MaxRetryAttempts = 6,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(50),
                MaxDelay = TimeSpan.FromSeconds(5),
                ShouldHandle = new PredicateBuilder<ResponseMessage>()
                    .HandleResult(r => IsTransient(r.StatusCode))
                    .Handle<CosmosException>(e => IsTransient(e.StatusCode))
                    .Handle<HttpRequestException>(),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
                OnRetry = args =>
                {
                    logger.LogWarning(
                        "Cosmos answered {StatusCode}; retry {Attempt} in {DelayMs} ms",
                        (int?)args.Outcome.Result?.StatusCode ?? (int?)(args.Outcome.Exception as CosmosException)?.StatusCode,
                        args.AttemptNumber + 1,
                        (int)args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    private static TimeSpan? RetryAfter(ResponseMessage? response) =>
        double.TryParse(response?.Headers["x-ms-retry-after-ms"], System.Globalization.CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms)
            : null;

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or (HttpStatusCode)449;
}
