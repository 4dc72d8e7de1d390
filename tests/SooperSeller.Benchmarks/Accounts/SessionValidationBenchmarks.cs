using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Core.Tenancy;
using SooperSeller.DevHost.Emulators;
using SooperSeller.Infrastructure.Accounts.Sessions;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.Benchmarks.Accounts;

/// <summary>
/// What a <c>[Session]</c> request pays before its function runs: one Table point read of the session (Azurite here),
/// and, once a minute, the last-seen write (measured apart).
/// </summary>
[MemoryDiagnoser]
public class SessionValidationBenchmarks
{
    private Azurite? _azurite;
    private TableSessionStore? _store;
    private string _token = string.Empty;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _azurite = await Azurite.StartAsync(location: null, NullLogger.Instance, CancellationToken.None);
        var storage = StorageClients.FromConnectionString(_azurite.ConnectionString);
        await storage.Tables.CreateTableIfNotExistsAsync(TableSessionStore.TableName);
        // Last-seen written at most once a minute: with a long interval every validation is the read alone.
        _store = new TableSessionStore(storage, Options.Create(new SessionOptions { LastSeenWriteInterval = TimeSpan.FromHours(1) }), TimeProvider.System);
        _token = (await _store.CreateAsync(new SessionSubject("usr_bench", MerchantId.New(), Role.Owner), CancellationToken.None)).Token;
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _azurite!.DisposeAsync();

    [Benchmark(Description = "validate a live session (one Table point read)")]
    public Task<ActiveSession?> Validate() => _store!.ValidateAsync(_token, CancellationToken.None);

    [Benchmark(Description = "validate an unknown token (no storage call)")]
    public Task<ActiveSession?> ValidateMalformed() => _store!.ValidateAsync("not-a-token", CancellationToken.None);
}
