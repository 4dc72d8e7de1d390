using SooperSeller.Core.Accounts.Team;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.UnitTests.Accounts.Team;

/// <summary>Invitations in memory, keyed as the table keys them (the token hash is kept on the invitation's entry).</summary>
public sealed class InMemoryInvitations : IInvitations
{
    public Dictionary<(MerchantId, string), (string TokenHash, Invitation Invitation)> Rows { get; } = [];

    public Task AddAsync(string tokenHash, Invitation invitation, CancellationToken cancellationToken)
    {
        Rows.Add((invitation.MerchantId, invitation.Id), (tokenHash, invitation));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Invitation>> ListAsync(MerchantId merchantId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Invitation>>([.. Rows.Where(r => r.Key.Item1 == merchantId).Select(r => r.Value.Invitation)]);

    public Task<Invitation?> GetAsync(MerchantId merchantId, string invitationId, CancellationToken cancellationToken) =>
        Task.FromResult(Rows.TryGetValue((merchantId, invitationId), out var row) ? row.Invitation : null);

    public Task<Invitation?> FindByTokenAsync(string tokenHash, CancellationToken cancellationToken) =>
        Task.FromResult(Rows.Values.Where(r => r.TokenHash == tokenHash).Select(r => r.Invitation).FirstOrDefault());

    public Task<bool> RemoveAsync(MerchantId merchantId, string invitationId, CancellationToken cancellationToken) =>
        Task.FromResult(Rows.Remove((merchantId, invitationId)));
}
