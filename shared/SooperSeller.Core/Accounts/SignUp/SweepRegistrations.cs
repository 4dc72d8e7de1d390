namespace SooperSeller.Core.Accounts.SignUp;

/// <summary>
/// Removes sign-ups whose link expired: the pending row (name, email, password hash: personal data with no purpose
/// left) and, when verification got part of the way without reaching the commit point (the email lookup row), the
/// merchant and owner records it had written. A committed account is left alone.
/// </summary>
public sealed class SweepRegistrationsHandler(IPendingRegistrations pending, IEmailLookup lookup, IMerchantDirectory merchants, TimeProvider time)
{
    public async Task<int> HandleAsync(CancellationToken cancellationToken)
    {
        var removed = 0;
        await foreach (var (tokenHash, registration) in pending.ListExpiredAsync(time.GetUtcNow(), cancellationToken))
        {
            var holder = await lookup.FindAsync(registration.Email, cancellationToken);
            if (holder?.UserId != registration.UserId)
            {
                await merchants.DeleteUncommittedAsync(registration.MerchantId, cancellationToken);
            }

            if (await pending.RemoveAsync(tokenHash, cancellationToken))
            {
                removed++;
            }
        }

        return removed;
    }
}
