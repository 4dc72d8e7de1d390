using Moq;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Core.Accounts.Team;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.UnitTests.Accounts.Team;

public class TeamHandlerTests
{
    private static readonly MerchantId Merchant = MerchantId.New();
    private readonly Mock<IMerchantDirectory> _merchants = new();
    private readonly Mock<ISessionStore> _sessions = new();

    public TeamHandlerTests()
    {
        _merchants.Setup(m => m.GetMemberAsync(Merchant, "usr_owner", It.IsAny<CancellationToken>())).ReturnsAsync(MemberOf("usr_owner", Role.Owner));
        _merchants.Setup(m => m.GetMemberAsync(Merchant, "usr_op", It.IsAny<CancellationToken>())).ReturnsAsync(MemberOf("usr_op", Role.Operator));
    }

    private TeamHandler Handler => new(_merchants.Object, _sessions.Object);

    [Fact]
    public async Task ChangeRoleAsync_Operator_SetsTheRoleAndEndsTheirSessions()
    {
        await Handler.ChangeRoleAsync(Merchant, "usr_op", new ChangeRoleCommand("accountant"), CancellationToken.None);

        _merchants.Verify(m => m.SetMemberRoleAsync(Merchant, "usr_op", Role.Accountant, It.IsAny<CancellationToken>()));
        _sessions.Verify(s => s.RevokeForMerchantAsync("usr_op", Merchant, It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task ChangeRoleAsync_ToOwner_RefusesNamingRole()
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Handler.ChangeRoleAsync(Merchant, "usr_op", new ChangeRoleCommand("owner"), CancellationToken.None));

        Assert.Contains("role", error.Errors.Keys);
    }

    [Fact]
    public async Task ChangeRoleAsync_TheOwner_Conflicts()
    {
        await Assert.ThrowsAsync<ConflictException>(() => Handler.ChangeRoleAsync(Merchant, "usr_owner", new ChangeRoleCommand("viewer"), CancellationToken.None));

        _merchants.Verify(m => m.SetMemberRoleAsync(It.IsAny<MerchantId>(), It.IsAny<string>(), It.IsAny<Role>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RemoveAsync_Operator_RemovesTheMemberAndEndsTheirSessions()
    {
        await Handler.RemoveAsync(Merchant, "usr_op", CancellationToken.None);

        _merchants.Verify(m => m.RemoveMemberAsync(Merchant, "usr_op", It.IsAny<CancellationToken>()));
        _sessions.Verify(s => s.RevokeForMerchantAsync("usr_op", Merchant, It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task RemoveAsync_TheOwner_Conflicts()
    {
        await Assert.ThrowsAsync<ConflictException>(() => Handler.RemoveAsync(Merchant, "usr_owner", CancellationToken.None));

        _merchants.Verify(m => m.RemoveMemberAsync(It.IsAny<MerchantId>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RemoveAsync_UnknownUser_IsNotFound()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => Handler.RemoveAsync(Merchant, "usr_elsewhere", CancellationToken.None));

        _sessions.Verify(s => s.RevokeForMerchantAsync(It.IsAny<string>(), It.IsAny<MerchantId>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task TransferOwnershipAsync_ToAMember_SwapsRolesAndEndsBothUsersSessions()
    {
        await Handler.TransferOwnershipAsync(Merchant, "usr_owner", new TransferOwnershipCommand("usr_op"), CancellationToken.None);

        _merchants.Verify(m => m.SetMemberRoleAsync(Merchant, "usr_op", Role.Owner, It.IsAny<CancellationToken>()));
        _merchants.Verify(m => m.SetMemberRoleAsync(Merchant, "usr_owner", Role.Manager, It.IsAny<CancellationToken>()));
        _sessions.Verify(s => s.RevokeForMerchantAsync("usr_op", Merchant, It.IsAny<CancellationToken>()));
        _sessions.Verify(s => s.RevokeForMerchantAsync("usr_owner", Merchant, It.IsAny<CancellationToken>()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("usr_owner")]
    public async Task TransferOwnershipAsync_MissingOrOwnId_RefusesNamingUserId(string? userId)
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Handler.TransferOwnershipAsync(Merchant, "usr_owner", new TransferOwnershipCommand(userId), CancellationToken.None));

        Assert.Contains("userId", error.Errors.Keys);
    }

    private static Member MemberOf(string userId, Role role) =>
        new(userId, "Someone", EmailAddress.TryParse(userId + "@example.pk", out var email) ? email : default, role, DateTimeOffset.UnixEpoch);
}
