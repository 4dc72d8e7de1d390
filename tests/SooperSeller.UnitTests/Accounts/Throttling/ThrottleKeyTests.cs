using System.Net;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Throttling;

namespace SooperSeller.UnitTests.Accounts.Throttling;

public class ThrottleKeyTests
{
    [Fact]
    public void ForEmail_SameAddressInAnyCaseOrSpacing_IsOneCounterThatHoldsNoAddress()
    {
        var parsed = EmailAddress.TryParse("ayesha@example.pk", out var email) ? email : throw new InvalidOperationException();

        var typed = ThrottleKey.ForEmail(ThrottleKind.SignInAccount, "  Ayesha@EXAMPLE.pk ");
        var normalised = ThrottleKey.ForEmail(ThrottleKind.SignInAccount, parsed);

        Assert.Equal(normalised, typed);
        Assert.Matches("^[0-9a-f]{64}$", typed.Subject);
        Assert.DoesNotContain("ayesha", typed.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ForEmail_OtherKind_IsAnotherCounter()
    {
        var signIn = ThrottleKey.ForEmail(ThrottleKind.SignInAccount, "ayesha@example.pk");

        var register = ThrottleKey.ForEmail(ThrottleKind.RegisterEmail, "ayesha@example.pk");

        Assert.NotEqual(signIn, register);
    }

    [Fact]
    public void ForClient_TwoAddressesOfOneIPv6Slash64_AreOneCounter()
    {
        var first = ThrottleKey.ForClient(ThrottleKind.SignInIp, IPAddress.Parse("2001:db8:1:2::1"));

        var second = ThrottleKey.ForClient(ThrottleKind.SignInIp, IPAddress.Parse("2001:db8:1:2:ffff:1234:5678:9abc"));
        var otherBlock = ThrottleKey.ForClient(ThrottleKind.SignInIp, IPAddress.Parse("2001:db8:1:3::1"));

        Assert.Equal(first, second);
        Assert.NotEqual(first, otherBlock);
    }

    [Fact]
    public void ForClient_IPv4MappedToIPv6_IsTheIPv4AddresssCounter()
    {
        var mapped = ThrottleKey.ForClient(ThrottleKind.SignInIp, IPAddress.Parse("::ffff:203.0.113.7"));

        var plain = ThrottleKey.ForClient(ThrottleKind.SignInIp, IPAddress.Parse("203.0.113.7"));

        Assert.Equal(plain, mapped);
        Assert.NotEqual(plain, ThrottleKey.ForClient(ThrottleKind.SignInIp, IPAddress.Parse("203.0.113.8")));
    }
}
