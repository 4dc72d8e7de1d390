using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SooperSeller.Core.Notifications;
using SooperSeller.DevHost.Emulators;
using SooperSeller.DevHost.Hosting;
using SooperSeller.Functions.Notifications;
using SooperSeller.Infrastructure.Notifications;
using SooperSeller.Infrastructure.Storage;
using SooperSeller.Testing;
using SooperSeller.Testing.DevHost;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Notifications;

/// <summary>
/// The outbox end to end in the DevHost: IOutbox → table and queue → OnOutgoingEmail run by the host's queue listener →
/// SMTP. Each test has an Azurite of its own, because every DevHost of the test run listens on <c>outgoing-email</c>.
/// </summary>
public sealed class OutboxDevHostTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>
{
    private const string Address = "bilal.ahmed@example.pk";
    private const string Token = "inv_8d2e61c0aa";
    private static readonly Uri Link = new($"http://127.0.0.1:7071/invitations/accept?token={Token}");
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EnqueueAsync_TwiceInTheDevHostWithSmtp_DeliversOneEmailAndLogsNoAddressOrLink()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var azurite = await Azurite.StartAsync(location: null, NullLogger.Instance, CancellationToken.None);
        var logs = new CapturedLogs();
        await using var devHost = await StartAsync(azurite, smtp.Port, logs);
        var email = Email();
        var outbox = devHost.Services.GetRequiredService<IOutbox>();

        await outbox.EnqueueAsync(email, CancellationToken.None);
        await outbox.EnqueueAsync(email, CancellationToken.None);
        var settled = await Eventually.HoldsAsync(async () => !smtp.Messages.IsEmpty && Invocations(devHost).Succeeded >= 1 && await QueueLengthAsync(azurite) == 0, Deadline);

        Assert.True(settled, "the message was not delivered");
        var sent = Assert.Single(smtp.Messages);
        Assert.Equal(Address, sent.To.Mailboxes.Single().Address);
        Assert.Equal("You are invited to SooperSeller", sent.Subject);
        Assert.Equal(1, Invocations(devHost).Total);
        Assert.Equal(OutgoingEmailStatus.Sent, (await RowAsync(azurite, email.Id)).GetString("Status"));
        Assert.Contains(logs.Records, r => r.Contains(email.Id, StringComparison.Ordinal));
        Assert.Empty(logs.Containing(Address, Token, "/invitations/accept", "You are invited"));
    }

    [Fact]
    public async Task OnOutgoingEmail_InTheDevHostWithSmtpDown_FailsAndLeavesTheMessageForARetry()
    {
        await using var azurite = await Azurite.StartAsync(location: null, NullLogger.Instance, CancellationToken.None);
        var logs = new CapturedLogs();
        await using var devHost = await StartAsync(azurite, SmtpTestServer.FreePort(), logs);
        var email = Email();

        await devHost.Services.GetRequiredService<IOutbox>().EnqueueAsync(email, CancellationToken.None);
        var failed = await Eventually.HoldsAsync(() => Invocations(devHost).Failed >= 1, Deadline);

        Assert.True(failed, "the queue function did not fail");
        Assert.Equal(0, Invocations(devHost).Succeeded);
        Assert.Equal(1, await QueueLengthAsync(azurite));
        Assert.Equal(OutgoingEmailStatus.Pending, (await RowAsync(azurite, email.Id)).GetString("Status"));
        Assert.Contains(logs.Records, r => r.Contains(nameof(EmailDeliveryFailedException), StringComparison.Ordinal));
        Assert.Empty(logs.Containing(Address, Token, "/invitations/accept", "You are invited"));
    }

    private Task<TestDevHost> StartAsync(Azurite azurite, int smtpPort, CapturedLogs logs) =>
        TestDevHost.StartAsync(
            fixture.Emulators,
            ownAzurite: azurite,
            settings: new Dictionary<string, string?>
            {
                ["Email:Smtp:Host"] = "127.0.0.1",
                ["Email:Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Email:Smtp:From"] = "SooperSeller <no-reply@sooperseller.test>",
                ["Logging:LogLevel:Default"] = "Information",
            },
            services: services => services.AddSingleton<ILoggerProvider>(logs));

    private static OutgoingEmail Email() =>
        OutgoingEmail.Create(
            "invite:" + Guid.NewGuid().ToString("N"),
            Address,
            "You are invited to SooperSeller",
            $"Join your team: {Link} (valid for 7 days).",
            [Link],
            DateTimeOffset.UtcNow,
            merchantId: Core.Tenancy.MerchantId.New());

    private static FunctionInvocations.Counts Invocations(TestDevHost devHost) =>
        devHost.Services.GetRequiredService<FunctionInvocations>().Of(nameof(OnOutgoingEmail));

    private static async Task<int> QueueLengthAsync(Azurite azurite) =>
        (await StorageClients.FromConnectionString(azurite.ConnectionString).Queues.GetQueueClient(OutboxLocation.QueueName).GetPropertiesAsync()).Value.ApproximateMessagesCount;

    private static async Task<TableEntity> RowAsync(Azurite azurite, string id) =>
        (await StorageClients.FromConnectionString(azurite.ConnectionString).Tables.GetTableClient(OutboxLocation.TableName).GetEntityAsync<TableEntity>(id, OutgoingEmailDocument.Row)).Value;
}
