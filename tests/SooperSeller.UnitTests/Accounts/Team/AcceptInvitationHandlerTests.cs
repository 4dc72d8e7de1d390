using Microsoft.Extensions.Time.Testing;
using Moq;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Passwords;
using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Core.Accounts.Team;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Tenancy;
using SooperSeller.UnitTests.Accounts.Throttling;

namespace SooperSeller.UnitTests.Accounts.Team;

public class AcceptInvitationHandlerTests
{
    private const string Password = "monsoon rain over clifton beach";
    private static readonly EmailAddress Email = EmailAddress.TryParse("bilal@example.pk", out var email) ? email : default;
    private static readonly MerchantId Merchant = MerchantId.New();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryInvitations _invitations = new();
    private readonly Mock<IMerchantDirectory> _merchants = new();
    private readonly Mock<IEmailLookup> _lookup = new();
    private readonly Mock<IPasswordHasher> _hasher = new();
    private readonly Mock<ISessionStore> _sessions = new();
    private readonly string _token = SecureToken.New();
    private readonly Invitation _invitation;
    private MerchantProfile _merchant = new(Merchant, "Karachi Fashion House", DateTimeOffset.UnixEpoch);

    public AcceptInvitationHandlerTests()
    {
        _invitation = new Invitation("inv_1", Merchant, Email, Role.Operator, "usr_owner", "usr_bilal", _time.GetUtcNow(), _time.GetUtcNow().AddDays(7));
        _invitations.Rows[(Merchant, "inv_1")] = (SecureToken.HashOf(_token)!, _invitation);
        _hasher.Setup(h => h.Hash(Password)).Returns("$hash$");
        _merchants.Setup(m => m.GetMerchantAsync(Merchant, It.IsAny<CancellationToken>())).ReturnsAsync(() => _merchant);
        _lookup.Setup(l => l.AddOrGetAsync(It.IsAny<Credential>(), It.IsAny<CancellationToken>())).ReturnsAsync((Credential c, CancellationToken _) => c);
        _sessions.Setup(s => s.CreateAsync(It.IsAny<SessionSubject>(), It.IsAny<CancellationToken>())).ReturnsAsync(new NewSession("ses_1", "token", "csrf", _time.GetUtcNow().AddHours(12)));
    }

    private AcceptInvitationHandler Handler => new(_invitations, _merchants.Object, _lookup.Object, _hasher.Object, new PasswordPolicy(Mock.Of<IBreachedPasswords>()), _sessions.Object, new InMemoryThrottle(_time), _time);

    [Fact]
    public async Task HandleAsync_NewPerson_AddsMemberThenCredentialConsumesTheInvitationAndSignsIn()
    {
        var order = new List<string>();
        _merchants.Setup(m => m.AddMemberAsync(Merchant, It.IsAny<Member>(), It.IsAny<CancellationToken>())).Callback(() => order.Add("member")).Returns(Task.CompletedTask);
        _lookup.Setup(l => l.AddOrGetAsync(It.IsAny<Credential>(), It.IsAny<CancellationToken>())).Callback(() => order.Add("lookup")).ReturnsAsync((Credential c, CancellationToken _) => c);

        var accepted = await Handler.HandleAsync(new AcceptInvitationCommand(_token, " Bilal ", Password), null, CancellationToken.None);

        Assert.Equal(["member", "lookup"], order);
        _merchants.Verify(m => m.AddMemberAsync(Merchant, new Member("usr_bilal", "Bilal", Email, Role.Operator, _time.GetUtcNow()), It.IsAny<CancellationToken>()));
        _sessions.Verify(s => s.CreateAsync(new SessionSubject("usr_bilal", Merchant, Role.Operator), It.IsAny<CancellationToken>()));
        Assert.Equal("ses_1", accepted.Session.SessionId);
        Assert.Empty(_invitations.Rows);
    }

    [Fact]
    public async Task HandleAsync_TokenUsedTwice_RefusesTheSecondNamingToken()
    {
        await Handler.HandleAsync(new AcceptInvitationCommand(_token, "Bilal", Password), null, CancellationToken.None);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Handler.HandleAsync(new AcceptInvitationCommand(_token, "Bilal", Password), null, CancellationToken.None));

        Assert.Contains("token", error.Errors.Keys);
    }

    [Fact]
    public async Task HandleAsync_AfterSevenDays_RefusesNamingToken()
    {
        _time.Advance(TimeSpan.FromDays(7));

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Handler.HandleAsync(new AcceptInvitationCommand(_token, "Bilal", Password), null, CancellationToken.None));

        Assert.Contains("token", error.Errors.Keys);
        _merchants.Verify(m => m.AddMemberAsync(It.IsAny<MerchantId>(), It.IsAny<Member>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task HandleAsync_MerchantClosed_RefusesNamingToken()
    {
        _merchant = _merchant with { ClosureRequestedAt = _time.GetUtcNow() };

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Handler.HandleAsync(new AcceptInvitationCommand(_token, "Bilal", Password), null, CancellationToken.None));

        Assert.Contains("token", error.Errors.Keys);
    }

    [Theory]
    [InlineData("", Password, "name")]
    [InlineData("Bilal", "short", "password")]
    public async Task HandleAsync_InvalidField_RefusesNamingIt(string name, string password, string field)
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Handler.HandleAsync(new AcceptInvitationCommand(_token, name, password), null, CancellationToken.None));

        Assert.Contains(field, error.Errors.Keys);
        Assert.Single(_invitations.Rows);
    }

    [Fact]
    public async Task HandleAsync_ExistingAccountRightPassword_AddsTheExistingUserAndSignsInToTheInvitingMerchant()
    {
        var home = MerchantId.New();
        _lookup.Setup(l => l.FindAsync(Email, It.IsAny<CancellationToken>())).ReturnsAsync(new Credential(Email, "usr_someone", home, "$other$"));
        _hasher.Setup(h => h.Verify("their password", "$other$")).Returns(new PasswordVerification(true, false));
        _merchants.Setup(m => m.GetMemberAsync(home, "usr_someone", It.IsAny<CancellationToken>())).ReturnsAsync(new Member("usr_someone", "Bilal Ahmed", Email, Role.Owner, DateTimeOffset.UnixEpoch));

        var accepted = await Handler.HandleAsync(new AcceptInvitationCommand(_token, null, "their password"), null, CancellationToken.None);

        Assert.Equal("usr_someone", accepted.UserId);
        _merchants.Verify(m => m.AddMemberAsync(Merchant, It.Is<Member>(x => x.UserId == "usr_someone" && x.Name == "Bilal Ahmed" && x.Role == Role.Operator), It.IsAny<CancellationToken>()));
        _lookup.Verify(l => l.AddOrGetAsync(It.IsAny<Credential>(), It.IsAny<CancellationToken>()), Times.Never);
        _sessions.Verify(s => s.CreateAsync(new SessionSubject("usr_someone", Merchant, Role.Operator), It.IsAny<CancellationToken>()));
        Assert.Empty(_invitations.Rows);
    }

    [Fact]
    public async Task HandleAsync_ExistingAccountWrongPassword_IsUnauthenticatedAndWritesNothing()
    {
        _lookup.Setup(l => l.FindAsync(Email, It.IsAny<CancellationToken>())).ReturnsAsync(new Credential(Email, "usr_someone", MerchantId.New(), "$other$"));
        _hasher.Setup(h => h.Verify(It.IsAny<string>(), "$other$")).Returns(new PasswordVerification(false, false));

        await Assert.ThrowsAsync<UnauthenticatedException>(() => Handler.HandleAsync(new AcceptInvitationCommand(_token, "Bilal", "not it"), null, CancellationToken.None));

        _merchants.Verify(m => m.AddMemberAsync(It.IsAny<MerchantId>(), It.IsAny<Member>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Single(_invitations.Rows);
    }

    [Fact]
    public async Task HandleAsync_ExistingAccountWithoutPassword_IsRefusedNamingPassword()
    {
        _lookup.Setup(l => l.FindAsync(Email, It.IsAny<CancellationToken>())).ReturnsAsync(new Credential(Email, "usr_someone", MerchantId.New(), "$other$"));

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Handler.HandleAsync(new AcceptInvitationCommand(_token, "Bilal", null), null, CancellationToken.None));

        Assert.Contains("password", error.Errors.Keys);
        _hasher.Verify(h => h.Verify(It.IsAny<string>(), It.IsAny<string>()), Times.Never);
    }

    [Fact]
    public async Task HandleAsync_AddressTakenMeanwhile_UndoesTheMembership()
    {
        _lookup.Setup(l => l.AddOrGetAsync(It.IsAny<Credential>(), It.IsAny<CancellationToken>())).ReturnsAsync(new Credential(Email, "usr_someone", MerchantId.New(), "$other$"));

        await Assert.ThrowsAsync<ConflictException>(() => Handler.HandleAsync(new AcceptInvitationCommand(_token, "Bilal", Password), null, CancellationToken.None));

        _merchants.Verify(m => m.RemoveMemberAsync(Merchant, "usr_bilal", It.IsAny<CancellationToken>()));
        _sessions.Verify(s => s.CreateAsync(It.IsAny<SessionSubject>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
