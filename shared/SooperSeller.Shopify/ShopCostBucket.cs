namespace SooperSeller.Shopify;

/// <summary>
/// One shop's bucket as last reported (<c>throttleStatus</c>) and extrapolated: available = min(maximum, reported +
/// restoreRate × elapsed) − what in-flight requests reserved. Until Shopify has reported once, one request at a time.
/// </summary>
internal sealed class ShopCostBucket(TimeProvider timeProvider)
{
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(50);

    private readonly Lock _gate = new();
    private bool _known;
    private double _maximum;
    private double _available;
    private double _restoreRate;
    private DateTimeOffset _observedAt;
    private double _reserved;
    private int _inFlight;
    private TaskCompletionSource _changed = NewSignal();

    public double? EstimatedAvailable()
    {
        lock (_gate)
        {
            return _known ? Restored(timeProvider.GetUtcNow()) - _reserved : null;
        }
    }

    /// <summary>
    /// Waits until the cost fits, then reserves it; dispose or complete the reservation after the response. The cost is
    /// asked again after every wait: while this request waited, an answer may have taught what the operation really
    /// costs (a burst that reserved the declared estimate of a dearer query would overrun the bucket).
    /// </summary>
    public async Task<CostReservation> ReserveAsync(Func<double> costOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(costOf);
        while (true)
        {
            Task wait;
            lock (_gate)
            {
                var cost = costOf();
                if (!_known)
                {
                    if (_inFlight == 0)
                    {
                        return Take(cost);
                    }

                    wait = _changed.Task; // the first response tells us the bucket
                }
                else
                {
                    var needed = Math.Min(cost, _maximum); // Shopify refuses costs over the maximum anyway
                    var available = Restored(timeProvider.GetUtcNow()) - _reserved;
                    if (available >= needed)
                    {
                        return Take(needed);
                    }

                    var seconds = _restoreRate > 0 ? (needed - available) / _restoreRate : 1;
                    var delay = TimeSpan.FromSeconds(Math.Min(seconds, 60));
                    wait = Task.Delay(delay < MinimumWait ? MinimumWait : delay, timeProvider, cancellationToken);
                }
            }

            await wait.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Records what Shopify reported for a finished request and frees its reservation. With other requests of ours in
    /// flight a report may be older than one already applied, so the lower of it and our own bookkeeping wins.
    /// </summary>
    public void Complete(CostReservation reservation, QueryCost? cost)
    {
        lock (_gate)
        {
            if (!reservation.TryFinish())
            {
                return;
            }

            _reserved -= reservation.Cost;
            _inFlight--;
            if (cost?.ThrottleStatus is { MaximumAvailable: > 0 } status)
            {
                var now = timeProvider.GetUtcNow();
                var reported = Math.Min(status.CurrentlyAvailable, status.MaximumAvailable);
                if (_known && _inFlight > 0)
                {
                    var ours = Restored(now) - (cost.ActualQueryCost ?? 0);
                    reported = Math.Min(reported, ours);
                }

                _known = true;
                _maximum = status.MaximumAvailable;
                _restoreRate = status.RestoreRate;
                _available = Math.Max(0, reported);
                _observedAt = now;
            }

            Signal();
        }
    }

    /// <summary>Frees a reservation whose request produced no cost report (transport failure, cancellation).</summary>
    public void Release(CostReservation reservation) => Complete(reservation, null);

    private CostReservation Take(double cost)
    {
        _reserved += cost;
        _inFlight++;
        return new CostReservation(this, cost);
    }

    private double Restored(DateTimeOffset now)
    {
        var elapsed = Math.Max(0, (now - _observedAt).TotalSeconds);
        return Math.Min(_maximum, _available + (_restoreRate * elapsed));
    }

    private void Signal()
    {
        var previous = _changed;
        _changed = NewSignal();
        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>Cost held in a shop's bucket for one request in flight.</summary>
internal sealed class CostReservation(ShopCostBucket bucket, double cost) : IDisposable
{
    private int _finished;

    public double Cost { get; } = cost;

    public void Complete(QueryCost? queryCost) => bucket.Complete(this, queryCost);

    public void Dispose() => bucket.Release(this);

    internal bool TryFinish() => Interlocked.Exchange(ref _finished, 1) == 0;
}
