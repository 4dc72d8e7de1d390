using MimeKit;
using SooperSeller.Core.Notifications;
using SooperSeller.Infrastructure.Notifications;

namespace SooperSeller.UnitTests.Notifications;

public class SmtpEmailSenderTests
{
    private static readonly SmtpOptions Settings = new() { Host = "smtp.example.pk", From = "SooperSeller <no-reply@sooperseller.pk>" };

    [Fact]
    public void Compose_TextAndHtml_SendsBothAsAlternatives()
    {
        var email = Email(html: "<p>Open <a href=\"https://app.sooperseller.pk/verify?token=t1\">this</a></p>");

        using var message = SmtpEmailSender.Compose(email, Settings);

        Assert.Equal("ayesha@example.pk", message.To.Mailboxes.Single().Address);
        Assert.Equal("no-reply@sooperseller.pk", message.From.Mailboxes.Single().Address);
        Assert.Equal("Verify your email", message.Subject);
        Assert.Contains("https://app.sooperseller.pk/verify?token=t1", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<a href=", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_SameMessageTwice_HasTheSameMessageId()
    {
        var email = Email();

        using var first = SmtpEmailSender.Compose(email, Settings);
        using var second = SmtpEmailSender.Compose(email, Settings);

        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal($"{email.Id}@sooperseller.pk", first.MessageId);
    }

    [Fact]
    public void Compose_TextOnly_HasNoHtmlPart()
    {
        using var message = SmtpEmailSender.Compose(Email(), Settings);

        Assert.Null(message.HtmlBody);
        Assert.IsType<TextPart>(message.Body);
    }

    private static OutgoingEmail Email(string? html = null) =>
        OutgoingEmail.Create(
            "verify-email:usr_1:tok_1",
            "ayesha@example.pk",
            "Verify your email",
            "Open https://app.sooperseller.pk/verify?token=t1 to verify your email.",
            [new Uri("https://app.sooperseller.pk/verify?token=t1")],
            DateTimeOffset.UtcNow,
            html);
}
