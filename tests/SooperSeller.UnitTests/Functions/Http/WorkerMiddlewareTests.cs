using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SooperSeller.Core.Errors;
using SooperSeller.Functions.Http;

namespace SooperSeller.UnitTests.Functions.Http;

/// <summary>The Functions app's worker middleware, with a FunctionContext as the ASP.NET Core integration shapes it.</summary>
public class WorkerMiddlewareTests
{
    [Fact]
    public async Task ProblemDetailsMiddleware_HttpFunctionThrows_WritesProblemDetails()
    {
        var (context, http) = HttpFunctionContext("SooperSeller.Functions.Platform.GetHealth.Run");
        var middleware = new ProblemDetailsMiddleware(NullLogger<ProblemDetailsMiddleware>.Instance);

        await middleware.Invoke(context, _ => throw new NotFoundException("Order", "o_42"));

        http.Response.Body.Position = 0;
        var body = await JsonDocument.ParseAsync(http.Response.Body);
        Assert.Equal(404, http.Response.StatusCode);
        Assert.Equal("Order 'o_42' was not found.", body.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ProblemDetailsMiddleware_NonHttpFunctionThrows_Rethrows()
    {
        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.Items).Returns(new Dictionary<object, object>());
        var middleware = new ProblemDetailsMiddleware(NullLogger<ProblemDetailsMiddleware>.Instance);

        // A queue function's failure must reach the host, which retries and finally poisons the message.
        await Assert.ThrowsAsync<InvalidOperationException>(() => middleware.Invoke(context.Object, _ => throw new InvalidOperationException("boom")));
    }

    [Fact]
    public async Task RequestBodyLimitMiddleware_BodyOverTheFunctionsLimit_IsRefusedBeforeTheFunctionRuns()
    {
        var (context, http) = HttpFunctionContext("SooperSeller.Functions.Platform.GetHealth.Run");
        http.Request.ContentLength = (64 * 1024) + 1;
        var ran = false;

        await Assert.ThrowsAsync<PayloadTooLargeException>(() => new RequestBodyLimitMiddleware().Invoke(context, _ =>
        {
            ran = true;
            return Task.CompletedTask;
        }));

        Assert.False(ran);
    }

    private static (FunctionContext Context, HttpContext Http) HttpFunctionContext(string entryPoint)
    {
        var http = new DefaultHttpContext();
        http.Response.Body = new MemoryStream();
        var definition = new Mock<FunctionDefinition>();
        definition.SetupGet(d => d.EntryPoint).Returns(entryPoint);
        var context = new Mock<FunctionContext>();
        // Where the ASP.NET Core integration keeps the request's HttpContext (read by GetHttpContext()).
        context.SetupGet(c => c.Items).Returns(new Dictionary<object, object> { ["HttpRequestContext"] = http });
        context.SetupGet(c => c.FunctionDefinition).Returns(definition.Object);
        return (context.Object, http);
    }
}
