using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SooperSeller.Core.Privacy;
using SooperSeller.Core.Tenancy;
using SooperSeller.DevHost.Emulators;
using SooperSeller.Infrastructure.Cosmos;
using SooperSeller.IntegrationTests.Accounts;
using SooperSeller.IntegrationTests.Notifications;
using SooperSeller.IntegrationTests.Stores;
using SooperSeller.Testing;
using SooperSeller.Testing.DevHost;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Privacy;

/// <summary>
/// Shopify's customers/redact end to end through the DevHost: orders arrive by webhook, the redaction arrives by
/// webhook, and afterwards a scan of every Cosmos container, table, queue, blob and log line of the run finds none of
/// the customer's name, phone or email, while another customer's data is still there (so the scan can find things).
/// </summary>
public sealed class RedactionScanTests(EmulatorsFixture fixture, PrivateAzuriteFixture storage) : IClassFixture<EmulatorsFixture>, IClassFixture<PrivateAzuriteFixture>, IAsyncLifetime
{
    private const string FirstName = "Zarghuna";
    private const string LastName = "Khattak";
    private const string Email = "zarghuna.khattak@example.pk";
    private const string PhoneDigits = "3217654098";
    private const string OtherName = "Bakhtawar";
    private readonly CapturedLogs _logs = new();
    private TestDevHost? _devHost;
    private HttpClient? _client;

    private ShopifySimulator Shopify => fixture.Emulators.Shopify;

    public async Task InitializeAsync()
    {
        _devHost = await TestDevHost.StartAsync(
            fixture.Emulators,
            ownAzurite: storage.Azurite,
            settings: new Dictionary<string, string?> { ["DevHost:Sandbox"] = "true", ["Logging:LogLevel:Default"] = "Information" },
            services: s => s.AddSingleton<ILoggerProvider>(_logs),
            shopify: true);
        _client = LoopbackClient.Fresh(_devHost.Host.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        await _devHost!.DisposeAsync();
    }

    [Fact]
    public async Task CustomersRedact_LeavesNoTraceOfTheCustomerAnywhere_AndKeepsOtherCustomers()
    {
        var owner = await new AccountsApi(_client!).SignUpAsync($"redact.{Guid.NewGuid():N}@example.pk", "Redaction Rugs");
        var shop = await ConnectedStore.NewShopAsync(Shopify, "rd");
        var storeId = await ConnectedStore.ConnectAsync(_client!, Shopify, owner, shop);
        var merchantId = MerchantId.Parse(owner.MerchantId);
        var customer = new SimCustomer(FirstName, LastName, Email, "0321-7654098");
        var address = new SimAddress { FirstName = FirstName, LastName = LastName, Address1 = "House 12, Street 4, Hayatabad", City = "Peshawar", Phone = "+92 321 7654098" };
        var first = await Shopify.CreateOrderAsync(shop, new SimOrder { Customer = customer, ShippingAddress = address, Email = Email, Note = "Call " + FirstName + " before delivery", LineItems = [new SimLineItem("RUG-1", 1, 4500m)] });
        await Shopify.CreateOrderAsync(shop, new SimOrder { Customer = customer, ShippingAddress = address, Email = Email, LineItems = [new SimLineItem("RUG-2", 2, 2500m)] });
        await Shopify.CreateOrderAsync(shop, new SimOrder { Customer = new SimCustomer(OtherName, "Jatoi", "bakhtawar.jatoi@example.pk", "03009876543"), LineItems = [new SimLineItem("RUG-3", 1, 9900m)] });
        Assert.True(await Eventually.HoldsAsync(async () => (await ScanAsync(merchantId, FirstName, OtherName)).Count(h => h.Contains("cosmos", StringComparison.Ordinal)) >= 2, TimeSpan.FromSeconds(30)), "the orders never reached the orders container");

        // Compliance topics go where the app configuration (shopify.app.toml) says, one address for the whole app.
        await Shopify.ConfigureAppAsync(new SimAppSettings { ComplianceUri = new Uri(_devHost!.Host.BaseAddress, "api/webhooks/shopify").ToString() });
        await Shopify.SendCustomersRedactAsync(shop, first.GetProperty("customer").GetProperty("id").GetInt64(), Email);
        var requests = _devHost.Services.GetRequiredService<IComplianceRequests>();
        var done = await Eventually.HoldsAsync(async () => (await requests.ListAsync(merchantId, CancellationToken.None)).Any(r => r.Topic == "customers/redact" && r.Status == ComplianceRequest.Completed), TimeSpan.FromSeconds(30));
        var request = (await requests.ListAsync(merchantId, CancellationToken.None)).Single(r => r.Topic == "customers/redact");
        var traces = await ScanAsync(merchantId, FirstName, LastName, Email, PhoneDigits, "321 7654098", "321-7654098", "7654098");
        var others = await ScanAsync(merchantId, OtherName);

        Assert.True(done, "the redaction request was not completed");
        Assert.Equal(2, request.OrdersAffected);
        Assert.True(request.DueAt > request.ReceivedAt.AddDays(29));
        Assert.Empty(traces);
        Assert.NotEmpty(others);
    }

    /// <summary>Where any of <paramref name="needles"/> occurs: Cosmos documents of the DevHost's database, every table row, queue message and blob of its Azurite, and every log line.</summary>
    private async Task<List<string>> ScanAsync(MerchantId merchantId, params string[] needles)
    {
        var hits = new List<string>();
        void Check(string where, string text)
        {
            foreach (var needle in needles.Where(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)))
            {
                hits.Add($"{where}: {needle}");
            }
        }

        var tenants = _devHost!.Services.GetRequiredService<TenantStore>();
        foreach (var definition in TenantContainers.All)
        {
            await foreach (var document in tenants.For(definition).QueryAcrossMerchantsAsync<JsonElement>(new QueryDefinition("SELECT * FROM c"), CancellationToken.None))
            {
                Check($"cosmos {definition.Name} {document.GetProperty("id").GetString()}", document.GetRawText());
            }
        }

        var connection = storage.Azurite.ConnectionString;
        var tables = new TableServiceClient(connection);
        await foreach (var table in tables.QueryAsync())
        {
            await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                Check($"table {table.Name}", string.Join('|', row.Select(p => $"{p.Key}={p.Value}")));
            }
        }

        var queues = new QueueServiceClient(connection);
        await foreach (var queue in queues.GetQueuesAsync())
        {
            foreach (var message in (await queues.GetQueueClient(queue.Name).PeekMessagesAsync(32)).Value)
            {
                Check($"queue {queue.Name}", message.Body.ToString() + "|" + SafeBase64(message.Body.ToString()));
            }
        }

        var blobs = new BlobServiceClient(connection);
        await foreach (var container in blobs.GetBlobContainersAsync())
        {
            var client = blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync())
            {
                try
                {
                    Check($"blob {container.Name}/{blob.Name}", (await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString());
                }
                catch (Azure.RequestFailedException e) when (e.Status == 404)
                {
                    // deleted between the listing and the read (a claim check whose delivery was just processed): no trace
                }
            }
        }

        foreach (var record in _logs.Records)
        {
            Check("log", record);
        }

        _ = merchantId;
        return hits;
    }

    private static string SafeBase64(string text)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            return string.Empty;
        }
    }
}
