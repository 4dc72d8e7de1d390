using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SooperSeller.Core.Notifications;
using SooperSeller.Functions.Notifications;
using SooperSeller.Infrastructure.Notifications;
using SooperSeller.Infrastructure.Storage;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Notifications;

/// <summary>
/// The outbox against Azurite (a table and queue of each test's own) and an in-process SMTP server, with the queue
/// function driven the way the host drives it: receive, run, delete on success, leave for a retry on failure.
/// </summary>
public sealed class OutboxDeliveryTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>, IDisposable
{
    private const string Address = "ayesha.khan@example.pk";
    private const string Token = "tok_3f9c1d7e2b";
    private static readonly Uri Link = new($"http://127.0.0.1:7071/verify?token={Token}");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly CapturedLogs _logs = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task EnqueueAsync_ThenTheQueueFunctionRuns_DeliversTheMessageOnce()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var outbox = await CreateAsync(smtp.Port);
        var email = Email("verify-email:usr_1:tok_1");

        await outbox.Outbox.EnqueueAsync(email, CancellationToken.None);
        var runs = await outbox.RunQueueFunctionAsync();

        Assert.Equal(1, runs);
        var sent = Assert.Single(smtp.Messages);
        Assert.Equal(Address, sent.To.Mailboxes.Single().Address);
        Assert.Equal("no-reply@sooperseller.test", sent.From.Mailboxes.Single().Address);
        Assert.Equal("Verify your email", sent.Subject);
        Assert.Contains(Link.OriginalString, sent.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnqueueAsync_SameIdTwice_QueuesOnceAndSendsOneEmail()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var outbox = await CreateAsync(smtp.Port);

        await outbox.Outbox.EnqueueAsync(Email("verify-email:usr_1:tok_1"), CancellationToken.None);
        await outbox.Outbox.EnqueueAsync(Email("verify-email:usr_1:tok_1", createdAt: _time.GetUtcNow().AddSeconds(30)), CancellationToken.None);
        var runs = await outbox.RunQueueFunctionAsync();

        Assert.Equal(1, runs);
        Assert.Single(smtp.Messages);
        Assert.Single(await outbox.RowsAsync());
    }

    [Fact]
    public async Task OnOutgoingEmail_SameQueueMessageTwice_SendsOnce()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var outbox = await CreateAsync(smtp.Port);
        var email = Email("verify-email:usr_1:tok_1");
        await outbox.Outbox.EnqueueAsync(email, CancellationToken.None);

        await outbox.Function.Run(new OutgoingEmailQueueMessage(email.Id), CancellationToken.None);
        await outbox.Function.Run(new OutgoingEmailQueueMessage(email.Id), CancellationToken.None);

        Assert.Single(smtp.Messages);
    }

    [Fact]
    public async Task OnOutgoingEmail_AfterSending_ErasesTheContentAndKeepsTheId()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var outbox = await CreateAsync(smtp.Port);
        var email = Email("verify-email:usr_1:tok_1");
        await outbox.Outbox.EnqueueAsync(email, CancellationToken.None);

        await outbox.RunQueueFunctionAsync();

        var row = Assert.Single(await outbox.RowsAsync());
        Assert.Equal(email.Id, row.PartitionKey);
        Assert.Equal(OutgoingEmailStatus.Sent, row.GetString("Status"));
        Assert.DoesNotContain(row.Select(p => p.Value), v => v is string s && (s.Contains(Address, StringComparison.Ordinal) || s.Contains(Token, StringComparison.Ordinal) || s.Contains("Verify", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task OnOutgoingEmail_SmtpDown_ThrowsAndTheRetryAfterItIsBackSendsOnce()
    {
        var port = SmtpTestServer.FreePort();
        var outbox = await CreateAsync(port);
        var email = Email("verify-email:usr_1:tok_1");
        await outbox.Outbox.EnqueueAsync(email, CancellationToken.None);

        var failure = await Assert.ThrowsAsync<EmailDeliveryFailedException>(() => outbox.RunQueueFunctionAsync());
        await using var smtp = await SmtpTestServer.StartAsync(port);
        var retried = await outbox.RunQueueFunctionAsync();

        Assert.DoesNotContain(Address, failure.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, retried);
        Assert.Single(smtp.Messages);
        Assert.Equal(2, Assert.Single(await outbox.RowsAsync()).GetInt32("Attempts"));
    }

    [Fact]
    public async Task OnOutgoingEmail_RecipientRefused_ThrowsWithoutTheAddress()
    {
        await using var smtp = await SmtpTestServer.StartAsync(rejectRecipients: true);
        var outbox = await CreateAsync(smtp.Port);
        var email = Email("verify-email:usr_1:tok_1");
        await outbox.Outbox.EnqueueAsync(email, CancellationToken.None);

        var failure = await Assert.ThrowsAsync<EmailDeliveryFailedException>(() => outbox.Function.Run(new OutgoingEmailQueueMessage(email.Id), CancellationToken.None));

        Assert.Contains(email.Id, failure.Message, StringComparison.Ordinal);
        Assert.Contains("SmtpCommandException", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Address, failure.ToString(), StringComparison.Ordinal);
        Assert.Equal(OutgoingEmailStatus.Pending, Assert.Single(await outbox.RowsAsync()).GetString("Status"));
    }

    [Fact]
    public async Task OnOutgoingEmail_NoSmtpConfigured_HoldsTheMessageWithItsContent()
    {
        var outbox = await CreateAsync(smtpPort: null);
        var email = Email("verify-email:usr_1:tok_1");
        await outbox.Outbox.EnqueueAsync(email, CancellationToken.None);

        await outbox.RunQueueFunctionAsync();

        var entry = Assert.Single((await outbox.Outbox.ListAsync(null, null, CancellationToken.None)).Items);
        Assert.Equal((email.Id, OutgoingEmailStatus.Held, Address), (entry.Id, entry.Status, entry.To));
        Assert.Equal([Link.OriginalString], entry.Links);
    }

    [Fact]
    public async Task RedeliverStuckAsync_RowWhoseQueueMessageWasLost_QueuesItAgainAfterFiveMinutes()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var outbox = await CreateAsync(smtp.Port);
        var email = Email("verify-email:usr_1:tok_1");
        // A crash between the two writes: the row is stored, the queue message never sent.
        await outbox.Table.AddEntityAsync(OutgoingEmailDocument.From(email));

        var early = await outbox.Outbox.RedeliverStuckAsync(CancellationToken.None);
        _time.Advance(TableOutbox.StuckAfter + TimeSpan.FromSeconds(1));
        var late = await outbox.Outbox.RedeliverStuckAsync(CancellationToken.None);
        var runs = await outbox.RunQueueFunctionAsync();

        Assert.Equal((0, 1, 1), (early, late, runs));
        Assert.Single(smtp.Messages);
    }

    [Fact]
    public async Task RedeliverStuckAsync_RowWhoseDeliveryFailed_IsLeftToTheHostRetriesAndThePoisonQueue()
    {
        var port = SmtpTestServer.FreePort();
        var outbox = await CreateAsync(port);
        await outbox.Outbox.EnqueueAsync(Email("verify-email:usr_1:tok_1"), CancellationToken.None);
        await Assert.ThrowsAsync<EmailDeliveryFailedException>(() => outbox.RunQueueFunctionAsync());
        _time.Advance(TimeSpan.FromMinutes(30));

        var redelivered = await outbox.Outbox.RedeliverStuckAsync(CancellationToken.None);

        // The failed one is the host's to retry and then the poison queue's to keep; the sweep only repairs lost messages.
        Assert.Equal(0, redelivered);
    }

    [Fact]
    public async Task RedeliverStuckAsync_DeliveryThatDiedHoldingTheRow_QueuesItAgainOnceTheLeaseRunsOut()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var outbox = await CreateAsync(smtp.Port);
        var email = Email("verify-email:usr_1:tok_1");
        _time.Advance(TableOutbox.StuckAfter + TimeSpan.FromSeconds(1));
        var row = OutgoingEmailDocument.From(email);
        row.Attempts = 1;
        row.LeaseUntil = _time.GetUtcNow() + TableOutbox.Lease;
        await outbox.Table.AddEntityAsync(row);

        var duringLease = await outbox.Outbox.RedeliverStuckAsync(CancellationToken.None);
        _time.Advance(TableOutbox.Lease);
        var afterLease = await outbox.Outbox.RedeliverStuckAsync(CancellationToken.None);
        await outbox.RunQueueFunctionAsync();

        Assert.Equal((0, 1), (duringLease, afterLease));
        Assert.Single(smtp.Messages);
    }

    [Fact]
    public async Task DeleteExpiredAsync_RowsOlderThanSevenDays_AreDeletedWhateverTheirStatus()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var outbox = await CreateAsync(smtp.Port);
        await outbox.Outbox.EnqueueAsync(Email("verify-email:usr_1:tok_1"), CancellationToken.None);
        await outbox.RunQueueFunctionAsync();
        await outbox.Table.AddEntityAsync(OutgoingEmailDocument.From(Email("verify-email:usr_2:tok_2")));
        _time.Advance(TimeSpan.FromDays(6));
        await outbox.Table.AddEntityAsync(OutgoingEmailDocument.From(Email("verify-email:usr_3:tok_3", createdAt: _time.GetUtcNow())));

        var deletedEarly = await outbox.Outbox.DeleteExpiredAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        var deleted = await outbox.Outbox.DeleteExpiredAsync(CancellationToken.None);

        Assert.Equal((0, 2), (deletedEarly, deleted));
        Assert.Equal(OutgoingEmail.IdFor("verify-email:usr_3:tok_3"), Assert.Single(await outbox.RowsAsync()).PartitionKey);
    }

    [Fact]
    public async Task Logs_OfEveryPath_HoldNoAddressSubjectOrLink()
    {
        var port = SmtpTestServer.FreePort();
        var outbox = await CreateAsync(port);
        var email = Email("verify-email:usr_1:tok_1", merchant: true);
        await outbox.Outbox.EnqueueAsync(email, CancellationToken.None);
        await outbox.Outbox.EnqueueAsync(email, CancellationToken.None);
        await Assert.ThrowsAsync<EmailDeliveryFailedException>(() => outbox.RunQueueFunctionAsync());
        await using (var smtp = await SmtpTestServer.StartAsync(port))
        {
            await outbox.RunQueueFunctionAsync();
            await outbox.Function.Run(new OutgoingEmailQueueMessage(email.Id), CancellationToken.None);
        }

        _time.Advance(TimeSpan.FromDays(8));
        await outbox.Outbox.SweepAsync(CancellationToken.None);

        Assert.Contains(_logs.Records, r => r.Contains(email.Id, StringComparison.Ordinal));
        Assert.Contains(_logs.Records, r => r.Contains(email.MerchantId!.Value.Value, StringComparison.Ordinal));
        Assert.Empty(_logs.Containing(Address, Token, Link.Host + ":" + Link.Port + "/verify", "Verify your email"));
    }

    public void Dispose() => _logs.Dispose();

    private OutgoingEmail Email(string key, DateTimeOffset? createdAt = null, bool merchant = false) =>
        OutgoingEmail.Create(
            key,
            Address,
            "Verify your email",
            $"Salaam! Open {Link} to verify your email for SooperSeller.",
            [Link],
            createdAt ?? _time.GetUtcNow(),
            merchantId: merchant ? Core.Tenancy.MerchantId.New() : null);

    private async Task<TestOutbox> CreateAsync(int? smtpPort)
    {
        var storage = StorageClients.FromConnectionString(fixture.Emulators.Azurite.ConnectionString);
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var location = new OutboxLocation("outbox" + suffix, "outgoing-email-" + suffix);
        await storage.Tables.CreateTableIfNotExistsAsync(location.Table);
        await storage.Queues.GetQueueClient(location.Queue).CreateIfNotExistsAsync();
        var loggers = _logs.CreateFactory();
        var outbox = new TableOutbox(storage, location, _time, loggers.CreateLogger<TableOutbox>());
        IEmailSender sender = smtpPort is { } port
            ? new SmtpEmailSender(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = port, From = "SooperSeller <no-reply@sooperseller.test>" }))
            : new HeldEmailSender();
        var function = new OnOutgoingEmail(new DeliverOutgoingEmail(outbox, sender, _time, loggers.CreateLogger<DeliverOutgoingEmail>()));
        return new TestOutbox(storage, location, outbox, function);
    }

    private sealed record TestOutbox(StorageClients Storage, OutboxLocation Location, TableOutbox Outbox, OnOutgoingEmail Function)
    {
        public TableClient Table => Storage.Tables.GetTableClient(Location.Table);

        public async Task<List<TableEntity>> RowsAsync()
        {
            var rows = new List<TableEntity>();
            await foreach (var row in Table.QueryAsync<TableEntity>())
            {
                rows.Add(row);
            }

            return rows;
        }

        /// <summary>
        /// Runs the queue function on every visible message as the host does: deleted when it succeeds, left in the
        /// queue (visible again at once here, instead of after host.json's visibilityTimeout) when it throws.
        /// </summary>
        public async Task<int> RunQueueFunctionAsync()
        {
            var queue = Storage.Queues.GetQueueClient(Location.Queue);
            var runs = 0;
            while ((await queue.ReceiveMessagesAsync(maxMessages: 32, visibilityTimeout: TimeSpan.FromMinutes(1))).Value is { Length: > 0 } messages)
            {
                foreach (var message in messages)
                {
                    runs++;
                    try
                    {
                        await Function.Run(message.Body.ToObjectFromJson<OutgoingEmailQueueMessage>(Json)!, CancellationToken.None);
                    }
                    catch
                    {
                        await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
                        throw;
                    }

                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                }
            }

            return runs;
        }
    }
}
