using Microsoft.Azure.Functions.Worker;
using SooperSeller.Core.Accounts.SignUp;

namespace SooperSeller.Functions.Accounts;

/// <summary>Every hour, removes expired sign-ups and whatever an unfinished verification left behind.</summary>
public sealed class SweepRegistrations(SweepRegistrationsHandler handler)
{
    [Function(nameof(SweepRegistrations))]
    public Task Run([TimerTrigger("0 17 * * * *")] TimerInfo timer, CancellationToken cancellationToken) => handler.HandleAsync(cancellationToken);
}
