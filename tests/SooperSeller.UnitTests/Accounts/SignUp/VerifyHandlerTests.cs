using Microsoft.Extensions.Time.Testing;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Core.Accounts.SignUp;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.UnitTests.Accounts.SignUp;

/// <summary>
/// Sign-up survives a crash at any step: the process dies after step N (simulated by the next store call throwing),
/// the user clicks the link again, and the account ends complete, once, with the link then used up.
/// </summary>
public class VerifyHandlerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));
    private readonly Stores _stores = new();
    private readonly string _token = SecureToken.New();
    private readonly PendingRegistration _registration;

    public VerifyHandlerTests()
    {
        var email = EmailAddress.TryParse("ayesha@example.pk", out var parsed) ? parsed : throw new InvalidOperationException();
        _registration = new PendingRegistration("Ayesha", email, "Khan Textiles", "$hash$", "usr_1", MerchantId.New(), _time.GetUtcNow().AddHours(24));
        _stores.Registrations[SecureToken.HashOf(_token)!] = _registration;
    }

    private VerifyHandler Handler => new(_stores, _stores, _stores, _stores, _time);

    public static TheoryData<int> Steps => new() { 1, 2, 3, 4, 5 };

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task CrashBeforeStep_ThenVerifyAgain_CompletesTheSameAccountOnce(int step)
    {
        _stores.CrashAtCall = step;
        await Assert.ThrowsAsync<IOException>(() => Handler.HandleAsync(new VerifyCommand(_token), CancellationToken.None));
        _stores.CrashAtCall = null;

        var retried = await Record.ExceptionAsync(() => Handler.HandleAsync(new VerifyCommand(_token), CancellationToken.None));

        // Crashing before step 5 (the session) leaves the token unused, so the retry completes; a crash after the
        // token is consumed leaves a complete account and a used link: the user signs in instead.
        Assert.True(retried is null || (step == 5 && retried is ValidationFailedException), $"retry after a crash at step {step}: {retried}");
        Assert.Equal(_registration.UserId, _stores.Lookup[_registration.Email].UserId);
        Assert.Equal("Khan Textiles", Assert.Single(_stores.Merchants).Value.BusinessName);
        Assert.Equal(Role.Owner, Assert.Single(_stores.Members).Value.Role);
        Assert.Empty(_stores.Registrations);
        await Assert.ThrowsAsync<ValidationFailedException>(() => Handler.HandleAsync(new VerifyCommand(_token), CancellationToken.None));
    }

    [Fact]
    public async Task EmailTakenMeanwhile_UndoesTheMerchantAndRefuses()
    {
        _stores.Lookup[_registration.Email] = new Credential(_registration.Email, "usr_other", MerchantId.New(), "$other$");

        await Assert.ThrowsAsync<ConflictException>(() => Handler.HandleAsync(new VerifyCommand(_token), CancellationToken.None));

        Assert.Empty(_stores.Merchants);
        Assert.Empty(_stores.Members);
        Assert.Equal("usr_other", _stores.Lookup[_registration.Email].UserId);
    }

    [Fact]
    public async Task ExpiredLink_IsRefusedAndCreatesNothing()
    {
        _time.Advance(TimeSpan.FromHours(24));

        await Assert.ThrowsAsync<ValidationFailedException>(() => Handler.HandleAsync(new VerifyCommand(_token), CancellationToken.None));

        Assert.Empty(_stores.Merchants);
        Assert.Empty(_stores.Lookup);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    public async Task MalformedToken_IsAValidationError(string? token)
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Handler.HandleAsync(new VerifyCommand(token), CancellationToken.None));

        Assert.Contains("token", error.Errors.Keys);
    }

    /// <summary>In-memory stores; <see cref="CrashAtCall"/> makes the Nth write throw, as a process dying there would.</summary>
    private sealed class Stores : IPendingRegistrations, IMerchantDirectory, IEmailLookup, ISessionStore
    {
        private int _writes;

        public int? CrashAtCall { get; set; }

        public Dictionary<string, PendingRegistration> Registrations { get; } = [];

        public Dictionary<MerchantId, MerchantProfile> Merchants { get; } = [];

        public Dictionary<(MerchantId, string), Member> Members { get; } = [];

        public Dictionary<EmailAddress, Credential> Lookup { get; } = [];

        public Task AddAsync(string tokenHash, PendingRegistration registration, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<PendingRegistration?> FindAsync(string tokenHash, CancellationToken cancellationToken) => Task.FromResult(Registrations.GetValueOrDefault(tokenHash));

        public Task<bool> RemoveAsync(string tokenHash, CancellationToken cancellationToken) => Write(() => Registrations.Remove(tokenHash));

        public IAsyncEnumerable<(string TokenHash, PendingRegistration Registration)> ListExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
            Registrations.Where(r => r.Value.ExpiresAt <= now).Select(r => (r.Key, r.Value)).ToAsyncEnumerable();

        public Task CreateMerchantAsync(MerchantProfile merchant, CancellationToken cancellationToken) => Write(() => Merchants.TryAdd(merchant.Id, merchant));

        public Task AddMemberAsync(MerchantId merchantId, Member member, CancellationToken cancellationToken) => Write(() => Members.TryAdd((merchantId, member.UserId), member));

        public Task<MerchantProfile?> GetMerchantAsync(MerchantId merchantId, CancellationToken cancellationToken) => Task.FromResult(Merchants.GetValueOrDefault(merchantId));

        public Task<Member?> GetMemberAsync(MerchantId merchantId, string userId, CancellationToken cancellationToken) => Task.FromResult(Members.GetValueOrDefault((merchantId, userId)));

        public Task<bool> SetMemberRoleAsync(MerchantId merchantId, string userId, Role role, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> RemoveMemberAsync(MerchantId merchantId, string userId, CancellationToken cancellationToken) => Task.FromResult(Members.Remove((merchantId, userId)));

        public Task<IReadOnlyList<Membership>> ListMembershipsAsync(string userId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task MarkMembershipUsedAsync(string userId, MerchantId merchantId, DateTimeOffset usedAt, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task DeleteUncommittedAsync(MerchantId merchantId, CancellationToken cancellationToken)
        {
            Merchants.Remove(merchantId);
            foreach (var key in Members.Keys.Where(k => k.Item1 == merchantId).ToList())
            {
                Members.Remove(key);
            }

            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<Member>> ListMembersOfAsync(MerchantId merchantId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Member>>([.. Members.Where(m => m.Key.Item1 == merchantId).Select(m => m.Value)]);

        public Task<MerchantProfile?> MarkClosedAsync(MerchantId merchantId, DateTimeOffset requestedAt, DateTimeOffset deleteAfter, CancellationToken cancellationToken) =>
            throw new NotSupportedException("Sign-up never closes an account.");

        public Task<Credential?> FindAsync(EmailAddress email, CancellationToken cancellationToken) => Task.FromResult(Lookup.GetValueOrDefault(email));

        public async Task<Credential> AddOrGetAsync(Credential credential, CancellationToken cancellationToken)
        {
            await Write(() => Lookup.TryAdd(credential.Email, credential));
            return Lookup[credential.Email];
        }

        public Task UpdatePasswordHashAsync(Credential credential, string passwordHash, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task SetTotpAsync(Credential credential, bool enabled, long lastTotpStep, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> TryUseTotpStepAsync(Credential credential, long timeStep, string? newPasswordHash, CancellationToken cancellationToken) => throw new NotSupportedException();

        public async Task<NewSession> CreateAsync(SessionSubject subject, CancellationToken cancellationToken)
        {
            await Write(() => true);
            return new NewSession("ses", "token", "csrf", DateTimeOffset.MaxValue);
        }

        public Task<ActiveSession?> ValidateAsync(string token, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RevokeAsync(string token, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> RevokeAllAsync(string userId, string? exceptSessionId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> RevokeForMerchantAsync(string userId, MerchantId merchantId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<SessionSummary>> ListAsync(string userId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> RevokeAsync(string userId, string sessionId, CancellationToken cancellationToken) => throw new NotSupportedException();

        // Steps of a verification, in order: 1 merchant, 2 member, 3 lookup, 4 token consumed, 5 session.
        private Task<bool> Write(Func<bool> write)
        {
            _writes++;
            if (CrashAtCall == _writes)
            {
                _writes = 0;
                throw new IOException($"process died before write {CrashAtCall}");
            }

            return Task.FromResult(write());
        }
    }
}
