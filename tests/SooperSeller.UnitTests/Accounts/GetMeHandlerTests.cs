using Moq;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.UnitTests.Accounts;

public class GetMeHandlerTests
{
    private static readonly EmailAddress Email = EmailAddress.TryParse("ayesha@example.pk", out var email) ? email : default;
    private static readonly MerchantId Current = MerchantId.New();
    private static readonly MerchantId Other = MerchantId.New();
    private static readonly MerchantId Stale = MerchantId.New();
    private readonly Mock<IMerchantDirectory> _merchants = new();

    [Fact]
    public async Task HandleAsync_SeveralMemberships_ListsTheCurrentFirstThenTheConfirmedOthers()
    {
        _merchants.Setup(m => m.GetMemberAsync(Current, "usr_1", It.IsAny<CancellationToken>())).ReturnsAsync(new Member("usr_1", "Ayesha", Email, Role.Owner, DateTimeOffset.UnixEpoch));
        _merchants.Setup(m => m.GetMemberAsync(Other, "usr_1", It.IsAny<CancellationToken>())).ReturnsAsync(new Member("usr_1", "Ayesha", Email, Role.Accountant, DateTimeOffset.UnixEpoch));
        _merchants.Setup(m => m.GetMerchantAsync(Current, It.IsAny<CancellationToken>())).ReturnsAsync(new MerchantProfile(Current, "Agency", DateTimeOffset.UnixEpoch));
        _merchants.Setup(m => m.GetMerchantAsync(Other, It.IsAny<CancellationToken>())).ReturnsAsync(new MerchantProfile(Other, "Client Traders", DateTimeOffset.UnixEpoch));
        _merchants.Setup(m => m.ListMembershipsAsync("usr_1", It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new Membership(Other, Role.Accountant, DateTimeOffset.UnixEpoch.AddDays(1), null),
            new Membership(Stale, Role.Viewer, DateTimeOffset.UnixEpoch.AddDays(2), null),
            new Membership(Current, Role.Owner, DateTimeOffset.UnixEpoch, null),
        ]);

        var me = await new GetMeHandler(_merchants.Object).HandleAsync(Current, "usr_1", CancellationToken.None);

        Assert.Equal(Current.Value, me.Merchant.Id);
        Assert.Equal(
            [new MeView.MembershipView(Current.Value, "Agency", Role.Owner), new MeView.MembershipView(Other.Value, "Client Traders", Role.Accountant)],
            me.Merchants);
    }
}
