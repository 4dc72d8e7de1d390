using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SooperSeller.Infrastructure.Notifications;

namespace SooperSeller.UnitTests.Notifications;

public class SmtpOptionsTests
{
    [Fact]
    public void Options_NoHost_AreValid()
    {
        var options = Resolve(new() { ["Email:Smtp:User"] = "ignored-without-host" });

        Assert.False(options.IsConfigured);
    }

    [Fact]
    public void Options_HostPortUserPasswordFrom_AreBound()
    {
        var options = Resolve(new()
        {
            ["Email:Smtp:Host"] = "smtp.example.pk",
            ["Email:Smtp:Port"] = "465",
            ["Email:Smtp:User"] = "mailer",
            ["Email:Smtp:Password"] = "p4ss",
            ["Email:Smtp:From"] = "SooperSeller <no-reply@sooperseller.pk>",
        });

        Assert.True(options.IsConfigured);
        Assert.Equal(("smtp.example.pk", 465, "mailer", "p4ss"), (options.Host, options.Port, options.User, options.Password));
    }

    [Fact]
    public void Options_HostWithoutFrom_FailNamingTheKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Email:Smtp:Host"] = "smtp.example.pk" }));

        Assert.Contains("Email:Smtp:From", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_UserWithoutPassword_FailWithoutShowingTheUser()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["Email:Smtp:Host"] = "smtp.example.pk",
            ["Email:Smtp:From"] = "no-reply@sooperseller.pk",
            ["Email:Smtp:User"] = "mailer-account-7",
        }));

        Assert.Contains("Email:Smtp:Password", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("mailer-account-7", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("70000")]
    public void Options_PortOutOfRange_Fail(string port)
    {
        Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["Email:Smtp:Host"] = "smtp.example.pk",
            ["Email:Smtp:From"] = "no-reply@sooperseller.pk",
            ["Email:Smtp:Port"] = port,
        }));
    }

    [Fact]
    public void AddNotifications_WithoutSmtpHost_HoldsMessages()
    {
        using var provider = Provider([]);

        var sender = provider.GetRequiredService<IEmailSender>();

        Assert.IsType<HeldEmailSender>(sender);
    }

    [Fact]
    public void AddNotifications_WithSmtpHost_SendsThroughSmtp()
    {
        using var provider = Provider(new() { ["Email:Smtp:Host"] = "smtp.example.pk", ["Email:Smtp:From"] = "no-reply@sooperseller.pk" });

        var sender = provider.GetRequiredService<IEmailSender>();

        Assert.IsType<SmtpEmailSender>(sender);
    }

    private static SmtpOptions Resolve(Dictionary<string, string?> settings)
    {
        using var provider = Provider(settings);
        return provider.GetRequiredService<IOptions<SmtpOptions>>().Value;
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddNotifications(configuration);
        return services.BuildServiceProvider();
    }
}
