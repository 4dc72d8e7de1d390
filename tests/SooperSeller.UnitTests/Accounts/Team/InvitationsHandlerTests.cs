using Microsoft.Extensions.Time.Testing;
using Moq;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Team;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Notifications;
using SooperSeller.Core.Tenancy;
using SooperSeller.UnitTests.Accounts.Throttling;

namespace SooperSeller.UnitTests.Accounts.Team;

public class InvitationsHandlerTests
{
    private static readonly MerchantId Merchant = MerchantId.New();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryInvitations _invitations = new();
    private readonly Mock<IMerchantDirectory> _merchants = new();
    private readonly Mock<IEmailLookup> _lookup = new();
    private readonly Mock<IOutbox> _outbox = new();
    private readonly Mock<IAccountLinks> _links = new();
    private readonly List<OutgoingEmail> _sent = [];
    private readonly InMemoryThrottle _throttle;

    public InvitationsHandlerTests()
    {
        _throttle = new InMemoryThrottle(_time);
        _merchants.Setup(m => m.GetMerchantAsync(Merchant, It.IsAny<CancellationToken>())).ReturnsAsync(new MerchantProfile(Merchant, "Karachi Fashion House", DateTimeOffset.UnixEpoch));
        _outbox.Setup(o => o.EnqueueAsync(It.IsAny<OutgoingEmail>(), It.IsAny<CancellationToken>())).Callback<OutgoingEmail, CancellationToken>((e, _) => _sent.Add(e)).Returns(Task.CompletedTask);
        _links.Setup(l => l.Invitation(It.IsAny<string>())).Returns<string>(token => new Uri("https://app.example/accept-invitation?token=" + token));
    }

    private InvitationsHandler Handler => new(_invitations, _merchants.Object, _lookup.Object, _outbox.Object, _links.Object, _throttle, _time);

    [Fact]
    public async Task CreateAsync_NewEmail_StoresAHashedSevenDayInvitationAndEmailsItsLink()
    {
        var view = await Handler.CreateAsync(Merchant, "usr_owner", new CreateInvitationCommand(" Bilal@Example.pk ", "operator"), CancellationToken.None);

        var (tokenHash, invitation) = Assert.Single(_invitations.Rows.Values);
        var email = Assert.Single(_sent);
        var token = Uri.UnescapeDataString(Assert.Single(email.Links).Query["?token=".Length..]);
        Assert.Equal(SecureToken.HashOf(token), tokenHash);
        Assert.Equal("bilal@example.pk", email.To);
        Assert.Equal(Role.Operator, invitation.Role);
        Assert.Equal(_time.GetUtcNow().AddDays(7), view.ExpiresAt);
    }

    [Fact]
    public async Task CreateAsync_SameEmailAgain_ReplacesThePendingInvitation()
    {
        var first = await Handler.CreateAsync(Merchant, "usr_owner", new CreateInvitationCommand("bilal@example.pk", "operator"), CancellationToken.None);

        var second = await Handler.CreateAsync(Merchant, "usr_owner", new CreateInvitationCommand("bilal@example.pk", "viewer"), CancellationToken.None);

        var (_, remaining) = Assert.Single(_invitations.Rows.Values);
        Assert.Equal(second.Id, remaining.Id);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(2, _sent.Count);
    }

    [Theory]
    [InlineData("bilal@example.pk", "owner", "role")]
    [InlineData("bilal@example.pk", "1", "role")]
    [InlineData("bilal@example.pk", null, "role")]
    [InlineData("not an email", "viewer", "email")]
    public async Task CreateAsync_InvalidField_RefusesNamingIt(string? email, string? role, string field)
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Handler.CreateAsync(Merchant, "usr_owner", new CreateInvitationCommand(email, role), CancellationToken.None));

        Assert.Contains(field, error.Errors.Keys);
        Assert.Empty(_sent);
    }

    [Fact]
    public async Task CreateAsync_AlreadyAMember_Conflicts()
    {
        var email = EmailAddress.TryParse("bilal@example.pk", out var parsed) ? parsed : default;
        _lookup.Setup(l => l.FindAsync(email, It.IsAny<CancellationToken>())).ReturnsAsync(new Credential(email, "usr_bilal", Merchant, "$hash$"));
        _merchants.Setup(m => m.GetMemberAsync(Merchant, "usr_bilal", It.IsAny<CancellationToken>())).ReturnsAsync(new Member("usr_bilal", "Bilal", email, Role.Viewer, DateTimeOffset.UnixEpoch));

        await Assert.ThrowsAsync<ConflictException>(() => Handler.CreateAsync(Merchant, "usr_owner", new CreateInvitationCommand("bilal@example.pk", "operator"), CancellationToken.None));

        Assert.Empty(_sent);
    }

    [Fact]
    public async Task CreateAsync_SixthInvitationToOneAddressWithinAnHour_IsThrottled()
    {
        for (var i = 0; i < 5; i++)
        {
            await Handler.CreateAsync(Merchant, "usr_owner", new CreateInvitationCommand("bilal@example.pk", "operator"), CancellationToken.None);
        }

        await Assert.ThrowsAsync<TooManyRequestsException>(() => Handler.CreateAsync(Merchant, "usr_owner", new CreateInvitationCommand("bilal@example.pk", "operator"), CancellationToken.None));

        Assert.Equal(5, _sent.Count);
    }

    [Fact]
    public async Task ListAsync_ExpiredAndOtherMerchantsInvitations_AreLeftOut()
    {
        await Handler.CreateAsync(Merchant, "usr_owner", new CreateInvitationCommand("old@example.pk", "viewer"), CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(7));
        var pending = await Handler.CreateAsync(Merchant, "usr_owner", new CreateInvitationCommand("new@example.pk", "viewer"), CancellationToken.None);
        await Handler.CreateAsync(MerchantId.New(), "usr_other", new CreateInvitationCommand("third@example.pk", "viewer"), CancellationToken.None);

        var listed = await Handler.ListAsync(Merchant, CancellationToken.None);

        Assert.Equal(pending.Id, Assert.Single(listed).Id);
    }

    [Fact]
    public async Task RevokeAsync_AnotherMerchantsInvitation_IsNotFound()
    {
        var invitation = await Handler.CreateAsync(Merchant, "usr_owner", new CreateInvitationCommand("bilal@example.pk", "viewer"), CancellationToken.None);

        await Assert.ThrowsAsync<NotFoundException>(() => Handler.RevokeAsync(MerchantId.New(), invitation.Id, CancellationToken.None));

        Assert.Single(_invitations.Rows);
    }
}
