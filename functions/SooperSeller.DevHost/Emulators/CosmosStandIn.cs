using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;

namespace SooperSeller.DevHost.Emulators;

/// <summary>
/// The Cosmos DB stand-in: npm <c>@vercel/cosmosdb-server</c> run by infra/local/cosmos-standin.js, which fixes its
/// incompatibilities with the .NET SDK (architecture D4) and can inject faults on demand. Plain HTTP on a free
/// loopback port; in memory only.
/// </summary>
public sealed class CosmosStandIn : IAsyncDisposable
{
    /// <summary>The stand-in accepts any key; this is the official emulator's published key, so tools recognise it.</summary>
    public const string Key = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU9DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _control;

    private CosmosStandIn(NodeProcess process, Uri endpoint)
    {
        Process = process;
        Endpoint = endpoint;
        _control = new HttpClient { BaseAddress = endpoint };
    }

    public Uri Endpoint { get; }

    public NodeProcess Process { get; }

    public static async Task<CosmosStandIn> StartAsync(ILogger logger, CancellationToken cancellationToken)
    {
        var infra = RepositoryLayout.LocalInfra;
        await NpmPackages.EnsureInstalledAsync(infra, logger, cancellationToken);
        Uri? endpoint = null;
        var process = await NodeProcess.StartAsync(
            "Cosmos stand-in",
            infra,
            [Path.Combine(infra, "cosmos-standin.js"), "--host", "127.0.0.1", "--port", "0"],
            line =>
            {
                if (!line.StartsWith('{'))
                {
                    return false;
                }

                var ready = JsonSerializer.Deserialize<ReadyLine>(line, Json);
                if (ready is { Event: "ready", Endpoint: not null })
                {
                    endpoint = new Uri(ready.Endpoint);
                    return true;
                }

                return false;
            },
            logger,
            cancellationToken);
        return new CosmosStandIn(process, endpoint!);
    }

    /// <summary>
    /// From now on, a share <paramref name="rate"/> (0..1) of data-plane requests fails with one of
    /// <paramref name="statuses"/> (429 carries <c>x-ms-retry-after-ms</c>) before the operation is applied.
    /// <paramref name="maxPerOperation"/> caps the faults one SDK operation (one activity id, retries included) can
    /// get, so a test can rely on the SDK's retries eventually winning; null means no cap. A <paramref name="seed"/> makes
    /// the sequence of faults the same on every run (tests must not be flaky); null draws at random.
    /// </summary>
    public async Task SetFaultsAsync(double rate, IReadOnlyList<int> statuses, int retryAfterMs = 10, int? maxPerOperation = null, int? seed = null, CancellationToken cancellationToken = default)
    {
        using var response = await _control.PutAsJsonAsync("_standin/faults", new { rate, statuses, retryAfterMs, maxPerOperation, seed }, Json, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task ClearFaultsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _control.DeleteAsync(new Uri("_standin/faults", UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task<StandInStats> GetStatsAsync(CancellationToken cancellationToken = default) =>
        await _control.GetFromJsonAsync<StandInStats>("_standin/stats", Json, cancellationToken)
        ?? throw new InvalidOperationException("The stand-in returned no stats.");

    public async ValueTask DisposeAsync()
    {
        _control.Dispose();
        await Process.DisposeAsync();
    }

    public sealed record StandInStats(long FaultsInjected, long Requests);

    private sealed record ReadyLine([property: JsonPropertyName("event")] string? Event, [property: JsonPropertyName("endpoint")] string? Endpoint);
}
