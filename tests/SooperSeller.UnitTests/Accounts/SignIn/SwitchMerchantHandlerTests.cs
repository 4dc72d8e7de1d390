using Microsoft.Extensions.Time.Testing;
using Moq;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Core.Accounts.SignIn;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.UnitTests.Accounts.SignIn;

public class SwitchMerchantHandlerTests
{
    private static readonly EmailAddress Email = EmailAddress.TryParse("ayesha@example.pk", out var email) ? email : default;
    private static readonly MerchantId Target = MerchantId.New();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private readonly Mock<IMerchantDirectory> _merchants = new();
    private readonly Mock<ISessionStore> _sessions = new();

    public SwitchMerchantHandlerTests()
    {
        _merchants.Setup(m => m.GetMerchantAsync(Target, It.IsAny<CancellationToken>())).ReturnsAsync(new MerchantProfile(Target, "Lahore Leather", DateTimeOffset.UnixEpoch));
        _sessions.Setup(s => s.CreateAsync(It.IsAny<SessionSubject>(), It.IsAny<CancellationToken>())).ReturnsAsync(new NewSession("ses_2", "new-token", "csrf", DateTimeOffset.MaxValue));
    }

    private SwitchMerchantHandler Handler => new(_merchants.Object, _sessions.Object, _time);

    [Fact]
    public async Task HandleAsync_Member_StartsASessionWithTheirRoleThereRevokesTheOldAndRecordsTheUse()
    {
        _merchants.Setup(m => m.GetMemberAsync(Target, "usr_1", It.IsAny<CancellationToken>())).ReturnsAsync(new Member("usr_1", "Ayesha", Email, Role.Accountant, DateTimeOffset.UnixEpoch));

        var session = await Handler.HandleAsync("usr_1", "old-token", new SwitchMerchantCommand(Target.Value), CancellationToken.None);

        Assert.Equal("new-token", session.Token);
        _sessions.Verify(s => s.CreateAsync(new SessionSubject("usr_1", Target, Role.Accountant), It.IsAny<CancellationToken>()));
        _sessions.Verify(s => s.RevokeAsync("old-token", It.IsAny<CancellationToken>()));
        _merchants.Verify(m => m.MarkMembershipUsedAsync("usr_1", Target, _time.GetUtcNow(), It.IsAny<CancellationToken>()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task HandleAsync_NotAMemberOrUnknownMerchant_IsNotFoundAndKeepsTheSession(bool unknownMerchant)
    {
        var merchantId = unknownMerchant ? MerchantId.New().Value : Target.Value;

        await Assert.ThrowsAsync<NotFoundException>(() => Handler.HandleAsync("usr_1", "old-token", new SwitchMerchantCommand(merchantId), CancellationToken.None));

        _sessions.Verify(s => s.CreateAsync(It.IsAny<SessionSubject>(), It.IsAny<CancellationToken>()), Times.Never);
        _sessions.Verify(s => s.RevokeAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task HandleAsync_MissingMerchantId_IsRefusedNamingIt()
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Handler.HandleAsync("usr_1", "old-token", new SwitchMerchantCommand(" "), CancellationToken.None));

        Assert.Contains("merchantId", error.Errors.Keys);
    }
}
