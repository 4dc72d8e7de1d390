using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SooperSeller.Shopify;
using SooperSeller.Shopify.Operations;
using static SooperSeller.UnitTests.Shopify.ShopifyTestKit;

namespace SooperSeller.UnitTests.Shopify;

public class ShopifyAdminClientTests
{
    private readonly FakeTimeProvider _time = Clock();

    [Fact]
    public async Task ExecuteAsync_GetShop_PostsDocumentWithTokenAndReadsData()
    {
        var handler = new FakeShopifyHandler(_ => FakeShopifyHandler.Json(Response(ShopData)));

        var data = await Client(handler, _time).ExecuteAsync(Shop, ShopifyOperations.GetShop, NoVariables.Instance, CancellationToken.None);

        var sent = Assert.Single(handler.Requests);
        Assert.Equal("https://sooperseller-demo.myshopify.com/admin/api/2026-10/graphql.json", sent.Uri.AbsoluteUri);
        Assert.Equal("token-1", sent.AccessToken);
        Assert.Equal("GetShop", sent.OperationName);
        Assert.Equal(ShopifyOperations.GetShop.Document, sent.Json.GetProperty("query").GetString());
        Assert.Equal(JsonValueKind.Object, sent.Variables.ValueKind);
        Assert.Equal(("PKR", "Asia/Karachi"), (data.Shop.CurrencyCode, data.Shop.IanaTimezone));
        Assert.Equal(["write_orders", "read_customers"], data.GrantedScopes);
    }

    [Fact]
    public async Task ExecuteAsync_AdminBaseUrlTemplate_SendsToTheSimulatorPath()
    {
        var handler = new FakeShopifyHandler(_ => FakeShopifyHandler.Json(Response(ShopData)));
        var options = Options(o => o.AdminBaseUrl = "http://127.0.0.1:7300/{shop}");

        await Client(handler, _time, options: options).ExecuteAsync(Shop, ShopifyOperations.GetShop, NoVariables.Instance, CancellationToken.None);

        Assert.Equal("http://127.0.0.1:7300/sooperseller-demo.myshopify.com/admin/api/2026-10/graphql.json", handler.Requests[0].Uri.AbsoluteUri);
    }

    [Fact]
    public async Task ExecuteAsync_ServerErrorsThenSuccess_RetriesWithBackoff()
    {
        var answers = new Queue<HttpStatusCode>([HttpStatusCode.ServiceUnavailable, HttpStatusCode.BadGateway, HttpStatusCode.OK]);
        var handler = new FakeShopifyHandler(_ => answers.Dequeue() is var status && status == HttpStatusCode.OK
            ? FakeShopifyHandler.Json(Response(ShopData))
            : new HttpResponseMessage(status));

        var data = await DriveAsync(_time, Client(handler, _time).ExecuteAsync(Shop, ShopifyOperations.GetShop, NoVariables.Instance, CancellationToken.None));

        Assert.Equal("Demo", data.Shop.Name);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task ExecuteAsync_PersistentServerError_GivesUpAfterBoundedRetries()
    {
        var handler = new FakeShopifyHandler(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError));
        var options = Options(o => o.MaxRetries = 3);

        var error = await Assert.ThrowsAsync<ShopifyHttpException>(() =>
            DriveAsync(_time, Client(handler, _time, options: options).ExecuteAsync(Shop, ShopifyOperations.GetShop, NoVariables.Instance, CancellationToken.None)));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(4, handler.Requests.Count);
    }

    [Fact]
    public async Task ExecuteAsync_TooManyRequestsWithRetryAfter_WaitsThatLongThenSucceeds()
    {
        var sentAt = new List<DateTimeOffset>();
        var handler = new FakeShopifyHandler(_ =>
        {
            sentAt.Add(_time.GetUtcNow());
            if (sentAt.Count == 1)
            {
                var throttled = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
                throttled.Headers.TryAddWithoutValidation("Retry-After", "4.0");
                return throttled;
            }

            return FakeShopifyHandler.Json(Response(ShopData));
        });

        await DriveAsync(_time, Client(handler, _time).ExecuteAsync(Shop, ShopifyOperations.GetShop, NoVariables.Instance, CancellationToken.None));

        Assert.Equal(2, sentAt.Count);
        Assert.True(sentAt[1] - sentAt[0] >= TimeSpan.FromSeconds(4), $"retried after {sentAt[1] - sentAt[0]} of fake time");
    }

    [Fact]
    public async Task ExecuteAsync_AttemptHangs_AbandonedAfterAttemptTimeoutAndRetried()
    {
        var calls = 0;
        var handler = new FakeShopifyHandler(async (_, ct) =>
        {
            if (++calls == 1)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, ct); // only the per-attempt timeout ends this
            }

            return FakeShopifyHandler.Json(Response(ShopData));
        });
        var options = Options(o => o.AttemptTimeout = TimeSpan.FromSeconds(10));

        var data = await DriveAsync(_time, Client(handler, _time, options: options).ExecuteAsync(Shop, ShopifyOperations.GetShop, NoVariables.Instance, CancellationToken.None));

        Assert.Equal("Demo", data.Shop.Name);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task ExecuteAsync_CallerCancels_StopsWithoutRetrying()
    {
        using var cancel = new CancellationTokenSource();
        var handler = new FakeShopifyHandler(async (_, ct) =>
        {
            await cancel.CancelAsync();
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return FakeShopifyHandler.Json(Response(ShopData));
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Client(handler, _time).ExecuteAsync(Shop, ShopifyOperations.GetShop, NoVariables.Instance, cancel.Token));

        Assert.Single(handler.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.PaymentRequired)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task ExecuteAsync_ClientError_NotRetried(HttpStatusCode status)
    {
        var handler = new FakeShopifyHandler(_ => new HttpResponseMessage(status));

        var error = await Assert.ThrowsAsync<ShopifyHttpException>(() =>
            Client(handler, _time).ExecuteAsync(Shop, ShopifyOperations.GetShop, NoVariables.Instance, CancellationToken.None));

        Assert.Equal(status, error.StatusCode);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task ExecuteAsync_NetworkErrorThenSuccess_Retries()
    {
        var calls = 0;
        var handler = new FakeShopifyHandler(_ => ++calls == 1 ? throw new HttpRequestException("connection reset") : FakeShopifyHandler.Json(Response(ShopData)));

        var data = await DriveAsync(_time, Client(handler, _time).ExecuteAsync(Shop, ShopifyOperations.GetShop, NoVariables.Instance, CancellationToken.None));

        Assert.Equal("Demo", data.Shop.Name);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task ExecuteAsync_Unauthorized_RefreshesOnceAndRetriesWithNewToken()
    {
        var tokens = new FakeAccessTokens();
        var handler = new FakeShopifyHandler(r => r.AccessToken == "token-1"
            ? new HttpResponseMessage(HttpStatusCode.Unauthorized)
            : FakeShopifyHandler.Json(Response(ShopData)));

        var data = await Client(handler, _time, tokens).ExecuteAsync(Shop, ShopifyOperations.GetShop, NoVariables.Instance, CancellationToken.None);

        Assert.Equal("Demo", data.Shop.Name);
        Assert.Equal(["token-1", "token-2"], handler.Requests.Select(r => r.AccessToken));
        Assert.Equal(["token-1"], tokens.Rejected);
    }

    [Fact]
    public async Task ExecuteAsync_UnauthorizedAfterRefresh_FailsWithoutRefreshingAgain()
    {
        var tokens = new FakeAccessTokens();
        var handler = new FakeShopifyHandler(_ => new HttpResponseMessage(HttpStatusCode.Unauthorized));

        var error = await Assert.ThrowsAsync<ShopifyHttpException>(() =>
            Client(handler, _time, tokens).ExecuteAsync(Shop, ShopifyOperations.GetShop, NoVariables.Instance, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Single(tokens.Rejected);
        Assert.DoesNotContain("token-", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_Throttled_WaitsForTheBucketThenSucceeds()
    {
        var sentAt = new List<DateTimeOffset>();
        var handler = new FakeShopifyHandler(_ =>
        {
            sentAt.Add(_time.GetUtcNow());
            return sentAt.Count == 1
                ? FakeShopifyHandler.Json("""{"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED","documentation":"https://shopify.dev/api/usage/rate-limits"}}],"extensions":{"cost":{"requestedQueryCost":152,"actualQueryCost":null,"throttleStatus":{"maximumAvailable":2000.0,"currentlyAvailable":52,"restoreRate":100.0}}}}""")
                : FakeShopifyHandler.Json(Response("""{"orders":{"nodes":[],"pageInfo":{"hasNextPage":false,"endCursor":null}}}""", requested: 152));
        });

        var data = await DriveAsync(_time, Client(handler, _time).ExecuteAsync(Shop, ShopifyOperations.ListOrders, new ListOrdersVariables(50, null, null), CancellationToken.None));

        Assert.Empty(data.Orders.Nodes);
        Assert.Equal(2, sentAt.Count);
        // (152 − 52) / 100 per second = 1 s before Shopify would accept it.
        Assert.True(sentAt[1] - sentAt[0] >= TimeSpan.FromSeconds(1), $"retried after {sentAt[1] - sentAt[0]} of fake time");
    }

    [Fact]
    public async Task ExecuteAsync_AlwaysThrottled_GivesUpAfterBoundedAttempts()
    {
        var handler = new FakeShopifyHandler(_ => FakeShopifyHandler.Json(
            """{"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED"}}],"extensions":{"cost":{"requestedQueryCost":3,"actualQueryCost":null,"throttleStatus":{"maximumAvailable":2000.0,"currentlyAvailable":2000,"restoreRate":100.0}}}}"""));

        await Assert.ThrowsAsync<ShopifyThrottledException>(() =>
            DriveAsync(_time, Client(handler, _time).ExecuteAsync(Shop, ShopifyOperations.GetShop, NoVariables.Instance, CancellationToken.None)));

        Assert.Equal(new ShopifyOptions().MaxThrottledAttempts, handler.Requests.Count);
    }

    [Fact]
    public async Task ExecuteAsync_GraphQLErrors_ThrowWithCodesButNotTheVariables()
    {
        var handler = new FakeShopifyHandler(_ => FakeShopifyHandler.Json(
            """{"errors":[{"message":"Access denied for orders field. Required access: `read_orders` access scope.","extensions":{"code":"ACCESS_DENIED"}}],"data":null}"""));

        var error = await Assert.ThrowsAsync<ShopifyGraphQLException>(() => Client(handler, _time)
            .ExecuteAsync(Shop, ShopifyOperations.ListOrders, new ListOrdersVariables(50, null, "email:customer@example.pk"), CancellationToken.None));

        Assert.Equal(["ACCESS_DENIED"], error.Codes);
        Assert.Equal("ListOrders", error.OperationName);
        Assert.DoesNotContain("customer@example.pk", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_MutationUserErrors_TypedAndThrowIfUserErrorsRaises()
    {
        var handler = new FakeShopifyHandler(_ => FakeShopifyHandler.Json(Response(
            """{"webhookSubscriptionCreate":{"webhookSubscription":null,"userErrors":[{"field":["webhookSubscription","uri"],"message":"Address for this topic has already been taken"}]}}""",
            requested: 10)));
        var variables = new CreateWebhookSubscriptionVariables("ORDERS_CREATE", new WebhookSubscriptionInput("https://app.sooperseller.pk/api/webhooks/shopify"));

        var data = await Client(handler, _time).ExecuteAsync(Shop, ShopifyOperations.CreateWebhookSubscription, variables, CancellationToken.None);

        var payload = data.WebhookSubscriptionCreate;
        var userError = Assert.Single(payload.UserErrors);
        Assert.Equal(["webhookSubscription", "uri"], userError.Field);
        var error = Assert.Throws<ShopifyUserErrorsException>(() => payload.ThrowIfUserErrors());
        Assert.Equal(["webhookSubscription", "uri"], Assert.Single(error.Errors).Field);
        Assert.Contains("webhookSubscription.uri", error.Message, StringComparison.Ordinal);
        var sentVariables = handler.Requests[0].Variables;
        Assert.Equal("ORDERS_CREATE", sentVariables.GetProperty("topic").GetString());
        Assert.Equal("https://app.sooperseller.pk/api/webhooks/shopify", sentVariables.GetProperty("webhookSubscription").GetProperty("uri").GetString());
    }

    [Fact]
    public async Task ThrowIfUserErrors_NoUserErrors_ReturnsThePayload()
    {
        var handler = new FakeShopifyHandler(_ => FakeShopifyHandler.Json(Response(
            """{"bulkOperationRunQuery":{"bulkOperation":{"id":"gid://shopify/BulkOperation/1","status":"CREATED"},"userErrors":[]}}""", requested: 10)));

        var data = await Client(handler, _time).ExecuteAsync(Shop, ShopifyOperations.RunBulkQuery, new RunBulkQueryVariables("{ orders { edges { node { id } } } }"), CancellationToken.None);

        Assert.Equal("gid://shopify/BulkOperation/1", data.BulkOperationRunQuery.ThrowIfUserErrors().BulkOperation!.Id);
        Assert.False(handler.Requests[0].Variables.GetProperty("groupObjects").GetBoolean());
    }

    [Fact]
    public async Task PageAsync_Orders_FollowsEndCursorUntilNoNextPage()
    {
        var handler = new FakeShopifyHandler(r =>
        {
            var after = r.Variables.TryGetProperty("after", out var a) ? a.GetString() : null;
            var (ids, next) = after switch
            {
                null => (new[] { "1", "2" }, "c1"),
                "c1" => (["3", "4"], "c2"),
                "c2" => (["5"], (string?)null),
                _ => throw new InvalidOperationException("unexpected cursor"),
            };
            var nodes = string.Join(',', ids.Select(Order));
            var pageInfo = next is null ? """{"hasNextPage":false,"endCursor":"c3"}""" : $$"""{"hasNextPage":true,"endCursor":"{{next}}"}""";
            return FakeShopifyHandler.Json(Response("""{"orders":{"nodes":[""" + nodes + "],\"pageInfo\":" + pageInfo + "}}", requested: 152));
        });
        var client = Client(handler, _time);

        var orders = await client.PageAsync(Shop, ShopifyOperations.ListOrders, cursor => new ListOrdersVariables(2, cursor, "updated_at:>='2026-11-01T00:00:00Z'"), d => d.Orders, CancellationToken.None).ToListAsync();

        Assert.Equal(["1", "2", "3", "4", "5"], orders.Select(o => o.Id[(o.Id.LastIndexOf('/') + 1)..]));
        Assert.Equal([null, "c1", "c2"], handler.Requests.Select(r => r.Variables.TryGetProperty("after", out var a) ? a.GetString() : null));
        Assert.All(handler.Requests, r => Assert.Equal("updated_at:>='2026-11-01T00:00:00Z'", r.Variables.GetProperty("query").GetString()));
        Assert.Equal(3450.50m, orders[0].TotalPriceSet.ShopMoney.Amount);
        Assert.Equal("PKR", orders[0].TotalPriceSet.ShopMoney.CurrencyCode);
        Assert.Equal(["Cash on Delivery (COD)"], orders[0].PaymentGatewayNames);
    }

    [Fact]
    public async Task ReadBulkJsonlAsync_LargeResult_StreamsLineByLineWithoutToken()
    {
        var pipe = new System.IO.Pipelines.Pipe();
        var handler = new FakeShopifyHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(pipe.Reader.AsStream()) });
        var url = new Uri("https://storage.googleapis.com/shopify-tiers-assets-prod-us-east1/bulk-result.jsonl?X-Goog-Signature=abc");
        await pipe.Writer.WriteAsync("""{"id":"gid://shopify/Order/1","name":"#1001"}"""u8.ToArray().Append((byte)'\n').ToArray());

        await using var lines = Client(handler, _time).ReadBulkJsonlAsync(url, CancellationToken.None).GetAsyncEnumerator();
        // The first line arrives while the download is still open: nothing waits for the whole file.
        Assert.True(await lines.MoveNextAsync());
        Assert.Equal("#1001", lines.Current.GetProperty("name").GetString());
        await pipe.Writer.WriteAsync("\n{\"id\":\"gid://shopify/LineItem/7\",\"__parentId\":\"gid://shopify/Order/1\"}\n"u8.ToArray());
        await pipe.Writer.CompleteAsync();
        Assert.True(await lines.MoveNextAsync());
        Assert.Equal("gid://shopify/Order/1", lines.Current.GetProperty("__parentId").GetString());
        Assert.False(await lines.MoveNextAsync());

        var sent = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Null(sent.AccessToken);
    }

    [Fact]
    public async Task ExecuteAsync_GetBulkOperation_ReadsUnsignedIntegersSentAsStrings()
    {
        var handler = new FakeShopifyHandler(_ => FakeShopifyHandler.Json(Response(
            """{"node":{"id":"gid://shopify/BulkOperation/1","status":"COMPLETED","errorCode":null,"objectCount":"12345","url":"https://example.test/r.jsonl","partialDataUrl":null,"completedAt":"2026-11-28T10:05:00Z"}}""",
            requested: 1)));

        var data = await Client(handler, _time).ExecuteAsync(Shop, ShopifyOperations.GetBulkOperation, new IdVariables("gid://shopify/BulkOperation/1"), CancellationToken.None);

        Assert.Equal(12345, data.Node!.ObjectCount);
        Assert.True(data.Node.IsFinished);
        Assert.Equal(new Uri("https://example.test/r.jsonl"), data.Node.Url);
    }

    private static string Order(string id) =>
        $$$"""{"id":"gid://shopify/Order/{{{id}}}","name":"#100{{{id}}}","createdAt":"2026-11-20T08:00:00Z","updatedAt":"2026-11-27T09:30:00Z","cancelledAt":null,"displayFinancialStatus":"PENDING","displayFulfillmentStatus":"UNFULFILLED","totalPriceSet":{"shopMoney":{"amount":"3450.50","currencyCode":"PKR"}},"paymentGatewayNames":["Cash on Delivery (COD)"],"tags":["cod"],"test":false}""";
}
