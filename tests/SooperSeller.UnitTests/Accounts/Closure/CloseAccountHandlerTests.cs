using Microsoft.Extensions.Time.Testing;
using Moq;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Closure;
using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.UnitTests.Accounts.Closure;

public class CloseAccountHandlerTests
{
    private static readonly MerchantId Merchant = MerchantId.New();
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly Mock<IMerchantDirectory> _merchants = new();
    private readonly Mock<ISessionStore> _sessions = new();

    private CloseAccountHandler Handler => new(_merchants.Object, _sessions.Object, _time);

    [Fact]
    public async Task HandleAsync_OpenMerchant_ClosesWithThirtyDaysAndRevokesEveryMembersSessions()
    {
        var email = EmailAddress.TryParse("ayesha@example.pk", out var parsed) ? parsed : default;
        _merchants.Setup(m => m.MarkClosedAsync(Merchant, Now, Now.AddDays(30), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new MerchantProfile(Merchant, "Karachi Fashion House", DateTimeOffset.UnixEpoch) { ClosureRequestedAt = Now, DeleteAfter = Now.AddDays(30) });
        _merchants.Setup(m => m.ListMembersOfAsync(Merchant, It.IsAny<CancellationToken>()))
            .ReturnsAsync([new Member("usr_1", "Ayesha", email, Role.Owner, DateTimeOffset.UnixEpoch), new Member("usr_2", "Bilal", email, Role.Manager, DateTimeOffset.UnixEpoch)]);

        var closure = await Handler.HandleAsync(Merchant, CancellationToken.None);

        Assert.Equal(new ClosureView(Now, Now.AddDays(30)), closure);
        _sessions.Verify(s => s.RevokeForMerchantAsync("usr_1", Merchant, It.IsAny<CancellationToken>()), Times.Once);
        _sessions.Verify(s => s.RevokeForMerchantAsync("usr_2", Merchant, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task HandleAsync_AlreadyClosed_AnswersTheFirstDates()
    {
        var first = Now.AddDays(-2);
        _merchants.Setup(m => m.MarkClosedAsync(Merchant, It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new MerchantProfile(Merchant, "Karachi Fashion House", DateTimeOffset.UnixEpoch) { ClosureRequestedAt = first, DeleteAfter = first.AddDays(30) });
        _merchants.Setup(m => m.ListMembersOfAsync(Merchant, It.IsAny<CancellationToken>())).ReturnsAsync([]);

        var closure = await Handler.HandleAsync(Merchant, CancellationToken.None);

        Assert.Equal(new ClosureView(first, first.AddDays(30)), closure);
    }

    [Fact]
    public async Task HandleAsync_UnknownMerchant_ThrowsNotFound()
    {
        _merchants.Setup(m => m.MarkClosedAsync(Merchant, It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync((MerchantProfile?)null);

        var act = () => Handler.HandleAsync(Merchant, CancellationToken.None);

        await Assert.ThrowsAsync<NotFoundException>(act);
    }
}
