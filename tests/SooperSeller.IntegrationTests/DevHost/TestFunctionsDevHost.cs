using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SooperSeller.DevHost.Hosting;
using SooperSeller.DevHost.TestFunctions;
using SooperSeller.Testing.DevHost;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.DevHost;

/// <summary>
/// A DevHost serving the test functions (one of each kind), or another app's, with queues of its own, a fake clock for timers, and
/// host.json's queue settings except a zero visibility timeout, so retries come at once instead of after 30 s.
/// </summary>
public sealed class TestFunctionsDevHost : IAsyncDisposable
{
    private TestFunctionsDevHost(TestDevHost host, FakeTimeProvider clock, string suffix)
    {
        Host = host;
        Clock = clock;
        RecordQueue = "test-record-" + suffix;
        FailingQueue = "test-fails-" + suffix;
    }

    public TestDevHost Host { get; }

    public FakeTimeProvider Clock { get; }

    public string RecordQueue { get; }

    public string FailingQueue { get; }

    public TestSink Sink => Host.Services.GetRequiredService<TestSink>();

    public FunctionInvocations Invocations => Host.Services.GetRequiredService<FunctionInvocations>();

    public static HostJson QuickRetries { get; } = HostJson.Load() with { VisibilityTimeout = TimeSpan.Zero, MaxPollingInterval = TimeSpan.FromMilliseconds(200) };

    public static async Task<TestFunctionsDevHost> StartAsync(SharedEmulators emulators, System.Reflection.Assembly? functions = null, IReadOnlyDictionary<string, string?>? settings = null, SooperSeller.DevHost.Emulators.Azurite? ownAzurite = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 10, 0, 30, TimeSpan.Zero));
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["TestRecordQueue"] = "test-record-" + suffix,
            ["TestFailingQueue"] = "test-fails-" + suffix,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var host = await TestDevHost.StartAsync(
            emulators,
            ownAzurite: ownAzurite,
            runTimers: true,
            settings: all,
            functionAssemblies: [functions ?? typeof(TestSink).Assembly],
            services: services =>
            {
                services.AddSingleton<TestSink>();
                services.AddSingleton<TimeProvider>(clock);
                services.AddSingleton(QuickRetries);
            });
        return new TestFunctionsDevHost(host, clock, suffix);
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
