using SooperSeller.Core.Notifications;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Notifications;

namespace SooperSeller.UnitTests.Notifications;

public class OutgoingEmailDocumentTests
{
    private static readonly Uri Link = new("https://app.sooperseller.pk/invitations/accept?token=inv_1");

    [Fact]
    public void ToEmail_AfterFrom_GivesBackTheMessage()
    {
        var merchant = MerchantId.New();
        var email = OutgoingEmail.Create("invite:inv_1", "bilal@example.pk", "You are invited", $"Accept: {Link}", [Link], DateTimeOffset.UtcNow, "<p>Accept</p>", merchant);

        var back = OutgoingEmailDocument.From(email).ToEmail();

        Assert.Equal((email.Id, email.To, email.Subject, email.TextBody, email.HtmlBody, email.MerchantId, email.CreatedAt), (back.Id, back.To, back.Subject, back.TextBody, back.HtmlBody, back.MerchantId, back.CreatedAt));
        Assert.Equal(email.Links, back.Links);
    }

    [Fact]
    public void From_NewMessage_IsPendingAndUnclaimed()
    {
        var document = OutgoingEmailDocument.From(OutgoingEmail.Create("invite:inv_1", "bilal@example.pk", "You are invited", $"Accept: {Link}", [Link], DateTimeOffset.UtcNow));

        Assert.Equal(OutgoingEmailStatus.Pending, document.Status);
        Assert.Equal(0, document.Attempts);
        Assert.Null(document.LeaseUntil);
    }

    [Fact]
    public void EraseContent_SentMessage_KeepsNothingPersonal()
    {
        var document = OutgoingEmailDocument.From(OutgoingEmail.Create("invite:inv_1", "bilal@example.pk", "You are invited", $"Accept: {Link}", [Link], DateTimeOffset.UtcNow, "<p>Accept</p>"));

        document.EraseContent();

        Assert.All(new[] { document.To, document.Subject, document.TextBody, document.HtmlBody, document.Links }, Assert.Null);
        Assert.Empty(document.LinkList());
        Assert.StartsWith("eml_", document.Id, StringComparison.Ordinal);
    }
}
