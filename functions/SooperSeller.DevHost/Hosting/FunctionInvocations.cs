using System.Collections.Concurrent;

namespace SooperSeller.DevHost.Hosting;

/// <summary>How often each function has run in this DevHost, and how it ended: what tests and diagnostics look at to
/// know that a trigger reached the function it names.</summary>
public sealed class FunctionInvocations
{
    private readonly ConcurrentDictionary<string, Counts> _counts = new(StringComparer.Ordinal);

    public void Record(string function, bool succeeded) =>
        _counts.AddOrUpdate(function, _ => succeeded ? new Counts(1, 0) : new Counts(0, 1), (_, c) => succeeded ? c with { Succeeded = c.Succeeded + 1 } : c with { Failed = c.Failed + 1 });

    public Counts Of(string function) => _counts.TryGetValue(function, out var counts) ? counts : new Counts(0, 0);

    public sealed record Counts(int Succeeded, int Failed)
    {
        public int Total => Succeeded + Failed;
    }
}
