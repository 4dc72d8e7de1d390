using OtpNet;
using SooperSeller.Core.Staff;

namespace SooperSeller.Infrastructure.Staff;

/// <summary><see cref="ITotp"/> with Otp.NET: 20-byte secrets, 30-second steps, a window of one step either side.</summary>
public sealed class OtpNetTotp : ITotp
{
    public const int StepSeconds = 30;
    private const string Issuer = "SooperSeller";

    public string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));

    public string UriFor(string secret, string accountName) => new OtpUri(OtpType.Totp, secret, accountName, Issuer, period: StepSeconds).ToString();

    public long? Verify(string secret, string? code, DateTimeOffset now, long lastUsedStep)
    {
        if (code is not { Length: 6 } || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var totp = new Totp(Base32Encoding.ToBytes(secret), step: StepSeconds);
        return totp.VerifyTotp(now.UtcDateTime, code, out var step, new VerificationWindow(previous: 1, future: 1)) && step > lastUsedStep ? step : null;
    }
}
