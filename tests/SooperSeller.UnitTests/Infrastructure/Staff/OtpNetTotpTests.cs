using Moq;
using OtpNet;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Passwords;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Secrets;
using SooperSeller.Core.Staff;
using SooperSeller.Infrastructure.Staff;

namespace SooperSeller.UnitTests.Infrastructure.Staff;

public sealed class OtpNetTotpTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 0, 40, 10, TimeSpan.Zero);
    private readonly OtpNetTotp _totp = new();

    [Fact]
    public void Verify_CurrentCode_ReturnsCurrentStep()
    {
        var secret = _totp.NewSecret();
        var code = CodeAt(secret, Now);

        var step = _totp.Verify(secret, code, Now, lastUsedStep: 0);

        Assert.Equal(Now.ToUnixTimeSeconds() / 30, step);
    }

    [Fact]
    public void Verify_CodeOfPreviousStep_IsAccepted()
    {
        var secret = _totp.NewSecret();
        var code = CodeAt(secret, Now.AddSeconds(-30));

        var step = _totp.Verify(secret, code, Now, lastUsedStep: 0);

        Assert.Equal((Now.ToUnixTimeSeconds() / 30) - 1, step);
    }

    [Theory]
    [InlineData(-61)]
    [InlineData(61)]
    public void Verify_CodeTwoStepsAway_ReturnsNull(int seconds)
    {
        var secret = _totp.NewSecret();
        var code = CodeAt(secret, Now.AddSeconds(seconds));

        var step = _totp.Verify(secret, code, Now, lastUsedStep: 0);

        Assert.Null(step);
    }

    [Fact]
    public void Verify_StepAlreadyUsed_ReturnsNull()
    {
        var secret = _totp.NewSecret();
        var code = CodeAt(secret, Now);

        var step = _totp.Verify(secret, code, Now, lastUsedStep: Now.ToUnixTimeSeconds() / 30);

        Assert.Null(step);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("12345a")]
    [InlineData("1234567")]
    public void Verify_MalformedCode_ReturnsNull(string? code)
    {
        var secret = _totp.NewSecret();

        var step = _totp.Verify(secret, code, Now, lastUsedStep: 0);

        Assert.Null(step);
    }

    [Fact]
    public void UriFor_Secret_IsOtpAuthTotpUriWithSecretAndIssuer()
    {
        var secret = _totp.NewSecret();

        var uri = new Uri(_totp.UriFor(secret, "ayesha@sooperseller.pk"));

        Assert.Equal("otpauth", uri.Scheme);
        Assert.Equal("totp", uri.Host);
        Assert.Contains("secret=" + secret, uri.Query, StringComparison.Ordinal);
        Assert.Contains("issuer=SooperSeller", uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateStaff_PasswordShorterThan15_IsRefusedBeforeAnythingIsStored()
    {
        var accounts = new Mock<IStaffAccounts>(MockBehavior.Strict);
        var secrets = new Mock<ISecretStore>(MockBehavior.Strict);
        var handler = new CreateStaffHandler(accounts.Object, Mock.Of<IPasswordHasher>(), _totp, secrets.Object);

        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() => handler.HandleAsync("ayesha@sooperseller.pk", "fourteen chars", CancellationToken.None));

        Assert.Contains("password", failure.Errors.Keys);
    }

    [Fact]
    public async Task CreateStaff_NewAddress_StoresSecretUnderStaffTotpNameAndNotInTheAccount()
    {
        StaffAccount? added = null;
        var accounts = new Mock<IStaffAccounts>();
        accounts.Setup(a => a.FindAsync(It.IsAny<EmailAddress>(), It.IsAny<CancellationToken>())).ReturnsAsync((StaffAccount?)null);
        accounts.Setup(a => a.AddAsync(It.IsAny<StaffAccount>(), It.IsAny<CancellationToken>())).Callback<StaffAccount, CancellationToken>((a, _) => added = a).ReturnsAsync(true);
        var secrets = new Mock<ISecretStore>();
        var hasher = Mock.Of<IPasswordHasher>(h => h.Hash(It.IsAny<string>()) == "argon2id-hash");
        var handler = new CreateStaffHandler(accounts.Object, hasher, _totp, secrets.Object);

        var created = await handler.HandleAsync("ayesha@sooperseller.pk", "fifteen chars!!", CancellationToken.None);

        secrets.Verify(s => s.SetAsync(new SecretName($"staff-totp-{created.StaffId}"), It.Is<string>(v => created.OtpAuthUri.Contains(v, StringComparison.Ordinal)), It.IsAny<CancellationToken>()));
        Assert.Equal("argon2id-hash", added!.PasswordHash);
        Assert.Equal(created.StaffId, added.StaffId);
    }

    private static string CodeAt(string secret, DateTimeOffset at) => new Totp(Base32Encoding.ToBytes(secret), step: 30).ComputeTotp(at.UtcDateTime);
}
