using System.Globalization;
using System.Text;
using System.Text.Json;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Notifications;
using SooperSeller.Core.Orders;
using SooperSeller.Core.Stores.Webhooks;

namespace SooperSeller.Core.Privacy;

/// <summary>
/// Shopify's mandatory compliance topics, acted on when they arrive (well within Shopify's 30 days):
/// <list type="bullet">
/// <item><c>customers/redact</c>: the customer's personal data is erased from the store's orders (those Shopify lists and
/// those matching the customer's id, email or phone; amounts kept), derived search fields with it, and waiting webhook
/// payloads that mention the customer are deleted.</item>
/// <item><c>shop/redact</c> (48 hours after uninstall): every order of the store is erased the same way, and every waiting
/// payload of the store deleted.</item>
/// <item><c>customers/data_request</c>: a machine-readable package of what the store's orders hold about the customer is
/// kept for the store owner, who is told by email (orders named by number only).</item>
/// </list>
/// Each is recorded in <c>compliance</c> first (no personal data; received, due in 30 days, completed), once per Shopify
/// event, so a redelivery finds the request done and repeats nothing harmful (erasure and export are idempotent).
/// </summary>
public sealed class ShopifyComplianceHandler(
    IComplianceRequests requests,
    CustomerOrderData customerData,
    IWebhookPayloadPurge payloads,
    IDataRequestPackages packages,
    IMerchantDirectory merchants,
    IOutbox outbox,
    TimeProvider time) : IShopifyWebhookHandler
{
    public const string DataRequest = "customers/data_request";
    public const string CustomerRedact = "customers/redact";
    public const string ShopRedact = "shop/redact";

    private static readonly JsonSerializerOptions PackageJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public IReadOnlyCollection<string> Topics { get; } = [DataRequest, CustomerRedact, ShopRedact];

    public async Task HandleAsync(ShopifyWebhook webhook, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var body = CompliancePayload.Parse(payload);
        var now = time.GetUtcNow();
        var request = await requests.GetOrCreateAsync(
            new ComplianceRequest(ComplianceRequest.IdFor(webhook.EventId), webhook.MerchantId, webhook.StoreId, webhook.Topic, now, now + ComplianceRequest.Deadline) { ShopifyRequestId = body.DataRequestId },
            cancellationToken);
        if (request.Status == ComplianceRequest.Completed)
        {
            return;
        }

        var affected = webhook.Topic switch
        {
            CustomerRedact => await RedactCustomerAsync(webhook, body, cancellationToken),
            ShopRedact => await RedactShopAsync(webhook, cancellationToken),
            DataRequest => await ExportAsync(webhook, request, body, cancellationToken),
            _ => 0,
        };

        await requests.SaveAsync(request with { Status = ComplianceRequest.Completed, CompletedAt = time.GetUtcNow(), OrdersAffected = affected, HasPackage = webhook.Topic == DataRequest }, cancellationToken);
    }

    private async Task<int> RedactCustomerAsync(ShopifyWebhook webhook, CompliancePayload body, CancellationToken cancellationToken)
    {
        var changed = await customerData.AnonymiseCustomerAsync(webhook.MerchantId, webhook.StoreId, body.CustomerId, body.Email, body.Phone, body.OrderIds, cancellationToken);
        await payloads.PurgeAsync(webhook.MerchantId, webhook.StoreId, body.Mentions, webhook.WebhookId, cancellationToken);
        return changed;
    }

    private async Task<int> RedactShopAsync(ShopifyWebhook webhook, CancellationToken cancellationToken)
    {
        var changed = await customerData.AnonymiseStoreAsync(webhook.MerchantId, webhook.StoreId, cancellationToken);
        await payloads.PurgeAsync(webhook.MerchantId, webhook.StoreId, _ => true, webhook.WebhookId, cancellationToken);
        return changed;
    }

    private async Task<int> ExportAsync(ShopifyWebhook webhook, ComplianceRequest request, CompliancePayload body, CancellationToken cancellationToken)
    {
        var package = await customerData.ExportCustomerAsync(webhook.MerchantId, webhook.StoreId, body.CustomerId, body.Email, body.Phone, body.OrderIds, cancellationToken);
        await packages.SaveAsync(webhook.MerchantId, request.RequestId, JsonSerializer.SerializeToUtf8Bytes(package, PackageJson), cancellationToken);
        var owner = (await merchants.ListMembersOfAsync(webhook.MerchantId, cancellationToken)).FirstOrDefault(m => m.Role == Role.Owner);
        if (owner is not null)
        {
            var numbers = package.Orders.Count == 0 ? "no stored orders" : "orders " + string.Join(", ", package.Orders.Select(o => o.Name));
            await outbox.EnqueueAsync(
                OutgoingEmail.Create(
                    $"data-request:{webhook.MerchantId.Value}:{request.RequestId}",
                    owner.Email.Value,
                    "A customer asked for their data",
                    $"Shopify passed on a customer's request for their data ({webhook.ShopDomain}, {numbers}). The package is ready under Privacy requests in SooperSeller; send it to the customer within 30 days of {request.ReceivedAt:yyyy-MM-dd}.",
                    [],
                    time.GetUtcNow(),
                    merchantId: webhook.MerchantId),
                cancellationToken);
        }

        return package.Orders.Count;
    }

    /// <summary>The compliance payload: <c>{shop_id, shop_domain, customer:{id,email,phone}, orders_to_redact|orders_requested:[ids], data_request:{id}}</c>; any part may be missing.</summary>
    private sealed record CompliancePayload(long? CustomerId, string? Email, string? Phone, IReadOnlyList<long> OrderIds, long? DataRequestId)
    {
        public static CompliancePayload Parse(ReadOnlyMemory<byte> payload)
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            long? customerId = null;
            string? email = null;
            string? phone = null;
            if (root.TryGetProperty("customer", out var customer) && customer.ValueKind == JsonValueKind.Object)
            {
                customerId = customer.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number ? id.GetInt64() : null;
                email = customer.TryGetProperty("email", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
                phone = customer.TryGetProperty("phone", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            }

            var orders = new List<long>();
            foreach (var name in new[] { "orders_to_redact", "orders_requested" })
            {
                if (root.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    orders.AddRange(list.EnumerateArray().Where(o => o.ValueKind == JsonValueKind.Number).Select(o => o.GetInt64()));
                }
            }

            long? requestId = root.TryGetProperty("data_request", out var request) && request.ValueKind == JsonValueKind.Object && request.TryGetProperty("id", out var rid) && rid.ValueKind == JsonValueKind.Number ? rid.GetInt64() : null;
            return new CompliancePayload(customerId, string.IsNullOrWhiteSpace(email) ? null : email.Trim(), string.IsNullOrWhiteSpace(phone) ? null : phone.Trim(), orders, requestId);
        }

        /// <summary>
        /// Whether a waiting payload mentions the customer: their email (any case), phone as written, customer id, or an
        /// order Shopify listed. Deliberately broad: deleting an unrelated waiting payload costs one missed update, which
        /// the periodic sync repairs; keeping a copy of the customer's data would break the promise.
        /// </summary>
        public bool Mentions(ReadOnlyMemory<byte> candidate)
        {
            var text = Encoding.UTF8.GetString(candidate.Span);
            return (Email is not null && text.Contains(Email, StringComparison.OrdinalIgnoreCase))
                || (Phone is not null && text.Contains(Phone, StringComparison.Ordinal))
                || (CustomerId is { } id && ContainsNumber(text, id))
                || OrderIds.Any(order => ContainsNumber(text, order));
        }

        private static bool ContainsNumber(string text, long value)
        {
            var digits = value.ToString(CultureInfo.InvariantCulture);
            for (var at = text.IndexOf(digits, StringComparison.Ordinal); at >= 0; at = text.IndexOf(digits, at + 1, StringComparison.Ordinal))
            {
                var before = at == 0 ? ' ' : text[at - 1];
                var after = at + digits.Length >= text.Length ? ' ' : text[at + digits.Length];
                if (!char.IsAsciiDigit(before) && !char.IsAsciiDigit(after))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
