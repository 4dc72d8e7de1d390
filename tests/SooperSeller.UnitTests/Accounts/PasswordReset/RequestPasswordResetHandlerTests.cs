using System.Net;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.PasswordReset;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Notifications;
using SooperSeller.Core.Tenancy;
using SooperSeller.UnitTests.Accounts.Throttling;

namespace SooperSeller.UnitTests.Accounts.PasswordReset;

public class RequestPasswordResetHandlerTests
{
    private static readonly EmailAddress Email = EmailAddress.TryParse("ayesha@example.pk", out var email) ? email : default;
    private static readonly IPAddress Client = IPAddress.Parse("203.0.113.7");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private readonly Mock<IEmailLookup> _lookup = new();
    private readonly InMemoryPasswordResets _resets = new();
    private readonly List<OutgoingEmail> _sent = [];
    private readonly Mock<IOutbox> _outbox = new();
    private readonly Mock<IAccountLinks> _links = new();
    private readonly InMemoryThrottle _throttle;

    public RequestPasswordResetHandlerTests()
    {
        _throttle = new InMemoryThrottle(_time);
        _lookup.Setup(l => l.FindAsync(Email, It.IsAny<CancellationToken>())).ReturnsAsync(new Credential(Email, "usr_1", MerchantId.New(), "$hash$") { Version = "v1" });
        _outbox.Setup(o => o.EnqueueAsync(It.IsAny<OutgoingEmail>(), It.IsAny<CancellationToken>())).Callback<OutgoingEmail, CancellationToken>((e, _) => _sent.Add(e)).Returns(Task.CompletedTask);
        _links.Setup(l => l.PasswordReset(It.IsAny<string>())).Returns<string>(token => new Uri("https://app.example/reset-password?token=" + token));
    }

    private RequestPasswordResetHandler Handler => new(_lookup.Object, _resets, _outbox.Object, _links.Object, _throttle, _time);

    [Fact]
    public async Task HandleAsync_RegisteredEmail_SendsALinkWhoseTokenIsStoredHashedForThirtyMinutes()
    {
        await Handler.HandleAsync(new RequestPasswordResetCommand(" Ayesha@Example.pk "), Client, CancellationToken.None);

        var email = Assert.Single(_sent);
        Assert.Equal("ayesha@example.pk", email.To);
        var token = Assert.Single(email.Links).Query["?token=".Length..];
        var stored = Assert.Single(_resets.Rows);
        Assert.Equal(SecureToken.HashOf(token), stored.Key);
        Assert.Equal(new PendingPasswordReset("usr_1", Email, "v1", _time.GetUtcNow().AddMinutes(30)), stored.Value);
    }

    [Fact]
    public async Task HandleAsync_UnknownEmail_SendsANoticeWithoutALinkAndStoresNothing()
    {
        await Handler.HandleAsync(new RequestPasswordResetCommand("nobody@example.pk"), Client, CancellationToken.None);

        var email = Assert.Single(_sent);
        Assert.Equal("nobody@example.pk", email.To);
        Assert.Empty(email.Links);
        Assert.Empty(_resets.Rows);
    }

    [Fact]
    public async Task HandleAsync_SixthRequestForOneAddressInAnHour_SendsNothingAndAnswersAlike()
    {
        for (var i = 0; i < 5; i++)
        {
            await Handler.HandleAsync(new RequestPasswordResetCommand(Email.Value), IPAddress.Parse($"198.51.100.{i + 1}"), CancellationToken.None);
        }

        var sixth = await Record.ExceptionAsync(() => Handler.HandleAsync(new RequestPasswordResetCommand(Email.Value), Client, CancellationToken.None));

        Assert.Null(sixth);
        Assert.Equal(5, _sent.Count);
    }

    [Fact]
    public async Task HandleAsync_ThirtyFirstRequestFromOneClientInAnHour_IsTooManyRequests()
    {
        for (var i = 0; i < 30; i++)
        {
            await Handler.HandleAsync(new RequestPasswordResetCommand($"someone{i}@example.pk"), Client, CancellationToken.None);
        }

        var error = await Record.ExceptionAsync(() => Handler.HandleAsync(new RequestPasswordResetCommand("another@example.pk"), Client, CancellationToken.None));

        Assert.IsType<TooManyRequestsException>(error);
        Assert.Equal(30, _sent.Count);
    }

    [Fact]
    public async Task HandleAsync_MalformedEmail_IsAValidationErrorNamingEmail()
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Handler.HandleAsync(new RequestPasswordResetCommand("not an address"), Client, CancellationToken.None));

        Assert.Equal(["email"], error.Errors.Keys);
        Assert.Empty(_sent);
    }
}
