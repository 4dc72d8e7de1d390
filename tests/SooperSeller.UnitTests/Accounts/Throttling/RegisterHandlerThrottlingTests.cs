using System.Net;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Passwords;
using SooperSeller.Core.Accounts.SignUp;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Notifications;

namespace SooperSeller.UnitTests.Accounts.Throttling;

/// <summary>Sign-up under the throttle: mail-bombing one address stops silently; one client signing up too often gets 429.</summary>
public class RegisterHandlerThrottlingTests
{
    private const string Password = "chai and samosa at five";
    private static readonly IPAddress Client = IPAddress.Parse("203.0.113.7");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private readonly Mock<IEmailLookup> _lookup = new();
    private readonly Mock<IPendingRegistrations> _pending = new();
    private readonly Mock<IPasswordHasher> _hasher = new();
    private readonly Mock<IOutbox> _outbox = new();
    private readonly Mock<IAccountLinks> _links = new();
    private readonly InMemoryThrottle _throttle;

    public RegisterHandlerThrottlingTests()
    {
        _throttle = new InMemoryThrottle(_time);
        _hasher.Setup(h => h.Hash(Password)).Returns("$hash$");
        _links.Setup(l => l.Verification(It.IsAny<string>())).Returns(new Uri("https://app.example/verify?token=t"));
        _links.Setup(l => l.SignIn()).Returns(new Uri("https://app.example/sign-in"));
        _links.Setup(l => l.PasswordReset()).Returns(new Uri("https://app.example/reset-password"));
    }

    private RegisterHandler Handler => new(_lookup.Object, _pending.Object, _hasher.Object, new PasswordPolicy(Mock.Of<IBreachedPasswords>()), _outbox.Object, _links.Object, _throttle, _time);

    [Fact]
    public async Task HandleAsync_SixthSignUpForOneAddressInAnHour_SendsNothingAndAnswersAlike()
    {
        for (var i = 0; i < 5; i++)
        {
            await RegisterAsync("ayesha@example.pk", Client);
        }

        var sixth = await Record.ExceptionAsync(() => RegisterAsync(" Ayesha@Example.pk", IPAddress.Parse("198.51.100.1")));

        Assert.Null(sixth);
        _outbox.Verify(o => o.EnqueueAsync(It.Is<OutgoingEmail>(e => e.To == "ayesha@example.pk"), It.IsAny<CancellationToken>()), Times.Exactly(5));
        _hasher.Verify(h => h.Hash(Password), Times.Exactly(6));
    }

    [Fact]
    public async Task HandleAsync_AnHourLater_SendsToTheAddressAgain()
    {
        for (var i = 0; i < 6; i++)
        {
            await RegisterAsync("ayesha@example.pk", Client);
        }

        _time.Advance(TimeSpan.FromHours(1));
        await RegisterAsync("ayesha@example.pk", Client);

        _outbox.Verify(o => o.EnqueueAsync(It.IsAny<OutgoingEmail>(), It.IsAny<CancellationToken>()), Times.Exactly(6));
    }

    [Fact]
    public async Task HandleAsync_31stSignUpFromOneClientInAnHour_Is429WithTheRestOfTheHour()
    {
        for (var i = 0; i < 30; i++)
        {
            await RegisterAsync($"owner{i}@example.pk", Client);
        }

        _time.Advance(TimeSpan.FromMinutes(45));
        var refused = await Assert.ThrowsAsync<TooManyRequestsException>(() => RegisterAsync("owner30@example.pk", Client));
        var elsewhere = await Record.ExceptionAsync(() => RegisterAsync("owner30@example.pk", IPAddress.Parse("198.51.100.1")));

        Assert.Equal(TimeSpan.FromMinutes(15), refused.RetryAfter);
        Assert.Null(elsewhere);
        _outbox.Verify(o => o.EnqueueAsync(It.IsAny<OutgoingEmail>(), It.IsAny<CancellationToken>()), Times.Exactly(31));
    }

    [Fact]
    public async Task HandleAsync_InvalidInput_CountsNothing()
    {
        for (var i = 0; i < 40; i++)
        {
            await Assert.ThrowsAsync<ValidationFailedException>(() => Handler.HandleAsync(new RegisterCommand("Ayesha", "not-an-email", Password, "Khan Textiles"), Client, CancellationToken.None));
        }

        var valid = await Record.ExceptionAsync(() => RegisterAsync("ayesha@example.pk", Client));

        Assert.Null(valid);
    }

    private Task RegisterAsync(string email, IPAddress client) =>
        Handler.HandleAsync(new RegisterCommand("Ayesha Khan", email, Password, "Khan Textiles"), client, CancellationToken.None);
}
