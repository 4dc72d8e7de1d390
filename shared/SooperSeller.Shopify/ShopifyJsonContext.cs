using System.Text.Json;
using System.Text.Json.Serialization;
using SooperSeller.Shopify.Operations;

namespace SooperSeller.Shopify;

/// <summary>
/// Source-generated (de)serialisation for everything the client sends and reads. Web defaults: camelCase names, and
/// numbers accepted from strings, which is how Shopify sends <c>Decimal</c> and <c>UnsignedInt64</c> values.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TokenRequest))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(TokenError))]
[JsonSerializable(typeof(GraphQLResponse))]
[JsonSerializable(typeof(NoVariables))]
[JsonSerializable(typeof(PageVariables))]
[JsonSerializable(typeof(IdVariables))]
[JsonSerializable(typeof(GetShopData))]
[JsonSerializable(typeof(ListWebhookSubscriptionsData))]
[JsonSerializable(typeof(CreateWebhookSubscriptionVariables))]
[JsonSerializable(typeof(CreateWebhookSubscriptionData))]
[JsonSerializable(typeof(DeleteWebhookSubscriptionData))]
[JsonSerializable(typeof(ListLocationsVariables))]
[JsonSerializable(typeof(ListLocationsData))]
[JsonSerializable(typeof(ListOrdersVariables))]
[JsonSerializable(typeof(ListOrdersData))]
[JsonSerializable(typeof(GetOrdersVariables))]
[JsonSerializable(typeof(GetOrdersData))]
[JsonSerializable(typeof(RunBulkQueryVariables))]
[JsonSerializable(typeof(RunBulkQueryData))]
[JsonSerializable(typeof(GetBulkOperationData))]
[JsonSerializable(typeof(SyncPageVariables))]
[JsonSerializable(typeof(SyncChildPageVariables))]
[JsonSerializable(typeof(SyncOrdersData))]
[JsonSerializable(typeof(SyncOrderLineItemsData))]
[JsonSerializable(typeof(SyncProductsData))]
[JsonSerializable(typeof(SyncProductVariantsData))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class ShopifyJsonContext : JsonSerializerContext;
