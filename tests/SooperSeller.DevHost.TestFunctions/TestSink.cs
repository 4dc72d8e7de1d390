using System.Collections.Concurrent;

namespace SooperSeller.DevHost.TestFunctions;

/// <summary>What the test functions saw, for tests to read back.</summary>
public sealed class TestSink
{
    public ConcurrentQueue<string> Messages { get; } = new();

    public ConcurrentQueue<(DateTime Last, DateTime Next, bool IsPastDue)> Ticks { get; } = new();

    public ConcurrentQueue<long> DequeueCounts { get; } = new();
}
