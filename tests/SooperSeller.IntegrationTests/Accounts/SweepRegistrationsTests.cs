using Microsoft.Extensions.Time.Testing;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.SignUp;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Accounts;
using SooperSeller.Infrastructure.Storage;
using SooperSeller.Testing.Cosmos;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Accounts;

/// <summary>Expired sign-ups are removed with whatever an unfinished verification wrote; committed accounts stay.</summary>
public sealed class SweepRegistrationsTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>, IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));
    private TestTenantStore? _cosmos;
    private StorageClients? _storage;

    public async Task InitializeAsync()
    {
        _cosmos = await TestTenantStore.CreateAsync(fixture.Emulators.Cosmos);
        _storage = StorageClients.FromConnectionString(fixture.Emulators.Azurite.ConnectionString);
        await _storage.Tables.CreateTableIfNotExistsAsync(TablePendingRegistrations.TableName);
        await _storage.Tables.CreateTableIfNotExistsAsync(TableEmailLookup.TableName);
        await _storage.Tables.CreateTableIfNotExistsAsync(TableMemberships.TableName);
    }

    public async Task DisposeAsync() => await _cosmos!.DisposeAsync();

    [Fact]
    public async Task Sweep_ExpiredAndUncommitted_RemovesTheRegistrationAndTheHalfCreatedMerchant()
    {
        var (pending, merchants, lookup) = Stores();
        var (hash, registration) = await PendAsync(pending);
        await merchants.CreateMerchantAsync(new MerchantProfile(registration.MerchantId, "Half Made", _time.GetUtcNow()), None);
        await merchants.AddMemberAsync(registration.MerchantId, new Member(registration.UserId, "A", registration.Email, Role.Owner, _time.GetUtcNow()), None);
        _time.Advance(TimeSpan.FromHours(25));

        var removed = await new SweepRegistrationsHandler(pending, lookup, merchants, _time).HandleAsync(None);

        Assert.True(removed >= 1);
        Assert.Null(await pending.FindAsync(hash, None));
        Assert.Null(await merchants.GetMerchantAsync(registration.MerchantId, None));
        Assert.Null(await merchants.GetMemberAsync(registration.MerchantId, registration.UserId, None));
    }

    [Fact]
    public async Task Sweep_ExpiredButCommitted_KeepsTheAccount()
    {
        var (pending, merchants, lookup) = Stores();
        var (hash, registration) = await PendAsync(pending);
        await merchants.CreateMerchantAsync(new MerchantProfile(registration.MerchantId, "Committed", _time.GetUtcNow()), None);
        await lookup.AddOrGetAsync(new Credential(registration.Email, registration.UserId, registration.MerchantId, "$hash$"), None);
        _time.Advance(TimeSpan.FromHours(25));

        await new SweepRegistrationsHandler(pending, lookup, merchants, _time).HandleAsync(None);

        Assert.Null(await pending.FindAsync(hash, None));
        Assert.NotNull(await merchants.GetMerchantAsync(registration.MerchantId, None));
    }

    [Fact]
    public async Task Sweep_NotYetExpired_LeavesTheRegistration()
    {
        var (pending, merchants, lookup) = Stores();
        var (hash, _) = await PendAsync(pending);
        _time.Advance(TimeSpan.FromHours(23));

        await new SweepRegistrationsHandler(pending, lookup, merchants, _time).HandleAsync(None);

        Assert.NotNull(await pending.FindAsync(hash, None));
    }

    private (TablePendingRegistrations Pending, CosmosMerchantDirectory Merchants, TableEmailLookup Lookup) Stores() =>
        (new TablePendingRegistrations(_storage!), new CosmosMerchantDirectory(_cosmos!.Store, _storage!), new TableEmailLookup(_storage!));

    private async Task<(string Hash, PendingRegistration Registration)> PendAsync(TablePendingRegistrations pending)
    {
        var email = EmailAddress.TryParse($"sweep.{Guid.NewGuid():N}@example.pk", out var parsed) ? parsed : throw new InvalidOperationException();
        var registration = new PendingRegistration("A", email, "Biz", "$hash$", "usr_" + Guid.NewGuid().ToString("N"), MerchantId.New(), _time.GetUtcNow().AddHours(24));
        var hash = SecureToken.HashOf(SecureToken.New())!;
        await pending.AddAsync(hash, registration, None);
        return (hash, registration);
    }
}
