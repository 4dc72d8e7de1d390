using Microsoft.AspNetCore.Http;
using SooperSeller.Core.Errors;
using SooperSeller.Functions.Http;
using SooperSeller.Functions.Platform;

namespace SooperSeller.UnitTests.Functions.Http;

public class LimitedRequestBodyTests
{
    [Fact]
    public void Apply_DeclaredLengthOverLimit_RefusesAtOnce()
    {
        var request = Request(new byte[10], contentLength: 65 * 1024);

        var error = Assert.Throws<PayloadTooLargeException>(() => LimitedRequestBody.Apply(request, RequestBodyLimits.Json));

        Assert.Equal(RequestBodyLimits.Json, error.LimitBytes);
    }

    [Fact]
    public async Task Apply_UndeclaredLengthOverLimit_RefusesWhileReading()
    {
        var request = Request(new byte[2000], contentLength: null);
        LimitedRequestBody.Apply(request, 1024);

        await Assert.ThrowsAsync<PayloadTooLargeException>(() => request.Body.CopyToAsync(Stream.Null));
    }

    [Fact]
    public async Task Apply_BodyAtTheLimit_ReadsWhole()
    {
        var request = Request(new byte[1024], contentLength: null);
        LimitedRequestBody.Apply(request, 1024);

        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy);

        Assert.Equal(1024, copy.Length);
    }

    [Fact]
    public void For_FunctionWithoutAttribute_IsTheJsonLimit()
    {
        var method = typeof(GetHealth).GetMethod(nameof(GetHealth.Run))!;

        Assert.Equal(64 * 1024, RequestBodyLimits.For(method));
    }

    [Fact]
    public void For_FunctionWithAttribute_IsItsLimit()
    {
        var method = typeof(LimitedRequestBodyTests).GetMethod(nameof(WebhookLike), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

        Assert.Equal(5 * 1024 * 1024, RequestBodyLimits.For(method));
    }

    [RequestBodyLimit(RequestBodyLimits.ShopifyWebhook)]
    private static void WebhookLike()
    {
    }

    private static HttpRequest Request(byte[] body, long? contentLength)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = contentLength;
        return context.Request;
    }
}
