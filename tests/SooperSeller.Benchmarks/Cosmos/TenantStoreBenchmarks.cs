using BenchmarkDotNet.Attributes;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;
using SooperSeller.Core.Tenancy;
using SooperSeller.DevHost.Emulators;
using SooperSeller.Infrastructure.Cosmos;
using SooperSeller.Testing.Cosmos;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.Benchmarks.Cosmos;

public sealed record BenchDocument : TenantDocument
{
    public string Text { get; init; } = string.Empty;

    public long Amount { get; init; }
}

/// <summary>
/// Point-read latency and sequential create throughput against the Cosmos stand-in, through the raw SDK and through
/// the tenant data base (which adds serialization, the size check and the resilience pipeline).
/// </summary>
[MemoryDiagnoser]
public class TenantStoreBenchmarks
{
    private static readonly ContainerDefinition Bench = new("bench", null, []);
    private readonly MerchantId _merchant = MerchantId.New();
    private CosmosStandIn? _standIn;
    private TestTenantStore? _store;
    private CosmosClient? _client;
    private Container? _raw;
    private TenantContainer? _container;
    private long _sequence;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _standIn = await CosmosStandIn.StartAsync(NullLogger.Instance, CancellationToken.None);
        var target = CosmosTarget.ForStandIn(_standIn);
        _store = await TestTenantStore.CreateAsync(target, [Bench]);
        _container = _store.Store.For(Bench);
        _client = target.CreateClient(o => o.UseSystemTextJsonSerializerWithOptions = CosmosJson.Options);
        _raw = _client.GetContainer(_store.Database, Bench.Name);
        await _container.CreateAsync(_merchant, Document("seed"), CancellationToken.None);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _client?.Dispose();
        await _store!.DisposeAsync();
        await _standIn!.DisposeAsync();
    }

    [Benchmark(Description = "point read, SDK")]
    public async Task<BenchDocument> PointReadSdk() =>
        (await _raw!.ReadItemAsync<BenchDocument>("seed", new PartitionKey(_merchant.Value))).Resource;

    [Benchmark(Description = "point read, TenantContainer")]
    public async Task<BenchDocument?> PointReadTenantContainer() =>
        await _container!.ReadAsync<BenchDocument>(_merchant, "seed", CancellationToken.None);

    [Benchmark(Description = "create, SDK")]
    public async Task<BenchDocument> CreateSdk()
    {
        var document = Document("s" + Interlocked.Increment(ref _sequence));
        document.MerchantId = _merchant.Value;
        return (await _raw!.CreateItemAsync(document, new PartitionKey(_merchant.Value))).Resource;
    }

    [Benchmark(Description = "create, TenantContainer")]
    public async Task<BenchDocument> CreateTenantContainer() =>
        await _container!.CreateAsync(_merchant, Document("t" + Interlocked.Increment(ref _sequence)), CancellationToken.None);

    private static BenchDocument Document(string id) => new() { Id = id, Text = "order #1001 booked with Leopards", Amount = 345000 };
}
