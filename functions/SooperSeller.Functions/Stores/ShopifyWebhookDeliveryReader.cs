using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Stores.Webhooks;
using SooperSeller.Functions.Http.Auth;
using SooperSeller.Shopify;

namespace SooperSeller.Functions.Stores;

/// <summary>
/// Reads a verified delivery's headers (case-insensitively, with or without <c>X-</c>) and checks its body is a JSON
/// object. A missing or malformed topic, shop domain or webhook id, or a body that is not an object, is a 400 naming
/// each culprit. Ids become Table keys and blob names, so they are held to characters both accept.
/// </summary>
public static partial class ShopifyWebhookDeliveryReader
{
    public const string TopicHeader = "X-Shopify-Topic";
    public const string ShopDomainHeader = "X-Shopify-Shop-Domain";
    public const string WebhookIdHeader = "X-Shopify-Webhook-Id";
    public const string EventIdHeader = "X-Shopify-Event-Id";
    public const string TriggeredAtHeader = "X-Shopify-Triggered-At";
    public const string ApiVersionHeader = "X-Shopify-API-Version";

    /// <summary>The error key for the body, as <see cref="Http.JsonBody"/> names it.</summary>
    public const string BodyField = "$";

    private const int MaxIdLength = 128;

    public static IncomingShopifyWebhook Read(IHeaderDictionary headers, ReadOnlyMemory<byte> body, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var topic = ShopifyHeaders.Get(headers, TopicHeader)?.Trim().ToLowerInvariant();
        if (topic is null || topic.Length > 100 || !TopicPattern().IsMatch(topic))
        {
            errors[TopicHeader] = [topic is null ? "The header is missing." : "Not a Shopify topic such as orders/create."];
        }

        var shopText = ShopifyHeaders.Get(headers, ShopDomainHeader)?.Trim();
        if (!ShopDomain.TryParse(shopText, out var shop))
        {
            errors[ShopDomainHeader] = [shopText is null ? "The header is missing." : "Not a *.myshopify.com domain."];
        }

        var webhookId = ShopifyHeaders.Get(headers, WebhookIdHeader)?.Trim();
        if (webhookId is null || !IsKeySafe(webhookId))
        {
            errors[WebhookIdHeader] = [webhookId is null ? "The header is missing." : "Not a webhook id."];
        }

        var eventId = ShopifyHeaders.Get(headers, EventIdHeader)?.Trim();
        if (eventId is not null && !IsKeySafe(eventId))
        {
            errors[EventIdHeader] = ["Not an event id."];
        }

        if (!IsJsonObject(body.Span))
        {
            errors[BodyField] = ["The body must be a JSON object."];
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        return new IncomingShopifyWebhook(
            topic!,
            shop!.Value,
            webhookId!,
            eventId ?? webhookId!,
            TriggeredAt(ShopifyHeaders.Get(headers, TriggeredAtHeader)) ?? receivedAt,
            ShopifyHeaders.Get(headers, ApiVersionHeader)?.Trim() is { } version && ApiVersionPattern().IsMatch(version) ? version : string.Empty,
            body);
    }

    /// <summary>
    /// Shopify's time, e.g. <c>2026-11-28T10:00:27.877041743Z</c>: nine fractional digits, two more than .NET parses,
    /// so the extra digits are cut. Null when absent or unreadable: the delivery is still taken (losing an event over
    /// a timestamp would be worse), with the receipt time instead.
    /// </summary>
    public static DateTimeOffset? TriggeredAt(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = ExcessFraction().Replace(text.Trim(), "$1");
        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;
    }

    /// <summary>True for one complete JSON object and nothing after it; never throws.</summary>
    public static bool IsJsonObject(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // Printable ASCII without what Table keys and blob names refuse or we use as separators (/ \ # ? |) or whitespace.
    private static bool IsKeySafe(string id) =>
        id.Length is > 0 and <= MaxIdLength && id.All(c => c is > ' ' and < (char)0x7F and not ('/' or '\\' or '#' or '?' or '|' or '%'));

    [GeneratedRegex("^[a-z0-9_]+(/[a-z0-9_]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex TopicPattern();

    [GeneratedRegex("^([0-9]{4}-[0-9]{2}|unstable)$", RegexOptions.CultureInvariant)]
    private static partial Regex ApiVersionPattern();

    [GeneratedRegex(@"(\.[0-9]{7})[0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex ExcessFraction();
}
