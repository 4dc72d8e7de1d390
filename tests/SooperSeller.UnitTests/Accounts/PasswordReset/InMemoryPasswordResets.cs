using System.Collections.Concurrent;
using SooperSeller.Core.Accounts.PasswordReset;

namespace SooperSeller.UnitTests.Accounts.PasswordReset;

internal sealed class InMemoryPasswordResets : IPasswordResets
{
    public ConcurrentDictionary<string, PendingPasswordReset> Rows { get; } = new(StringComparer.Ordinal);

    public Task AddAsync(string tokenHash, PendingPasswordReset reset, CancellationToken cancellationToken) =>
        Rows.TryAdd(tokenHash, reset) ? Task.CompletedTask : throw new InvalidOperationException("Duplicate token hash.");

    public Task<PendingPasswordReset?> FindAsync(string tokenHash, CancellationToken cancellationToken) =>
        Task.FromResult(Rows.TryGetValue(tokenHash, out var reset) ? reset : null);

    public Task<bool> RemoveAsync(string tokenHash, CancellationToken cancellationToken) => Task.FromResult(Rows.TryRemove(tokenHash, out _));
}
