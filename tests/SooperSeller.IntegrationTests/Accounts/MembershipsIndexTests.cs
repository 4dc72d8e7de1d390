using SooperSeller.Core.Accounts;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Accounts;
using SooperSeller.Infrastructure.Storage;
using SooperSeller.Testing.Cosmos;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Accounts;

/// <summary>The <c>memberships</c> index <see cref="CosmosMerchantDirectory"/> keeps in step with members, against the emulators.</summary>
public sealed class MembershipsIndexTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>, IAsyncLifetime
{
    private static readonly EmailAddress Email = EmailAddress.TryParse("agency@example.pk", out var email) ? email : default;
    private TestTenantStore? _cosmos;
    private StorageClients? _storage;

    private CosmosMerchantDirectory Directory => new(_cosmos!.Store, _storage!);

    public async Task InitializeAsync()
    {
        _cosmos = await TestTenantStore.CreateAsync(fixture.Emulators.Cosmos);
        _storage = StorageClients.FromConnectionString(fixture.Emulators.Azurite.ConnectionString);
        await _storage.Tables.CreateTableIfNotExistsAsync(TableMemberships.TableName);
    }

    public async Task DisposeAsync() => await _cosmos!.DisposeAsync();

    [Fact]
    public async Task MemberChanges_AddReRoleUseRemove_AreMirroredInTheIndex()
    {
        var userId = "usr_" + Guid.NewGuid().ToString("N");
        var (a, b) = (MerchantId.New(), MerchantId.New());
        var joinedAt = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
        var usedAt = joinedAt.AddHours(1);
        await Directory.AddMemberAsync(a, new Member(userId, "Agency", Email, Role.Owner, joinedAt), CancellationToken.None);
        await Directory.AddMemberAsync(b, new Member(userId, "Agency", Email, Role.Viewer, joinedAt), CancellationToken.None);

        await Directory.SetMemberRoleAsync(b, userId, Role.Accountant, CancellationToken.None);
        await Directory.MarkMembershipUsedAsync(userId, b, usedAt, CancellationToken.None);
        var both = await Directory.ListMembershipsAsync(userId, CancellationToken.None);
        await Directory.RemoveMemberAsync(b, userId, CancellationToken.None);
        await Directory.MarkMembershipUsedAsync(userId, b, usedAt, CancellationToken.None);
        var left = await Directory.ListMembershipsAsync(userId, CancellationToken.None);

        Assert.Equal(
            [new Membership(a, Role.Owner, joinedAt, null), new Membership(b, Role.Accountant, joinedAt, usedAt)],
            both.OrderBy(m => m.MerchantId == b));
        Assert.Equal([new Membership(a, Role.Owner, joinedAt, null)], left);
    }
}
