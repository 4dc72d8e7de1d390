using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using SooperSeller.Core.Errors;
using SooperSeller.Functions.Http;

namespace SooperSeller.UnitTests.Functions.Http;

public class ProblemDetailsWriterTests
{
    public static TheoryData<Exception, int> KnownExceptions => new()
    {
        { new ValidationFailedException("email", "An email address is required."), 400 },
        { new JsonException("bad", "$.items[0].quantity", 1, 2), 400 },
        { new UnauthenticatedException("Sign in first."), 401 },
        { new NotFoundException("Order", "o_1"), 404 },
        { new ConflictException("Order 'o_1' was changed by someone else."), 409 },
        { new ForbiddenException("Only the owner may close the account."), 403 },
        { new PayloadTooLargeException("Too big.", 65536), 413 },
        { new TooManyRequestsException(TimeSpan.FromSeconds(2)), 429 },
        { new BadHttpRequestException("Unexpected end of request content.", 400), 400 },
    };

    [Theory]
    [MemberData(nameof(KnownExceptions))]
    public async Task WriteAsync_KnownException_WritesItsStatusAsProblemJson(Exception exception, int status)
    {
        var context = NewContext();

        await ProblemDetailsWriter.WriteAsync(context, exception, NullLogger.Instance);

        var body = ReadBody(context);
        Assert.Equal(status, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.Equal(status, body.GetProperty("status").GetInt32());
        Assert.StartsWith("https://www.rfc-editor.org/", body.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("detail").GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("traceId").GetString()));
    }

    [Theory]
    [InlineData(1000, "1")]
    [InlineData(1001, "2")]
    [InlineData(900_000, "900")]
    [InlineData(0, "1")]
    public async Task WriteAsync_TooManyRequests_SetsRetryAfterInWholeSecondsRoundedUp(int milliseconds, string retryAfter)
    {
        var context = NewContext();

        await ProblemDetailsWriter.WriteAsync(context, new TooManyRequestsException(TimeSpan.FromMilliseconds(milliseconds)), NullLogger.Instance);

        Assert.Equal(429, context.Response.StatusCode);
        Assert.Equal(retryAfter, context.Response.Headers.RetryAfter.ToString());
    }

    [Fact]
    public async Task WriteAsync_ValidationFailed_ListsErrorsByCamelCaseField()
    {
        var context = NewContext();
        var exception = new ValidationFailedException(new Dictionary<string, string[]>
        {
            ["email"] = ["An email address is required."],
            ["items[0].quantity"] = ["Must be at least 1."],
        });

        await ProblemDetailsWriter.WriteAsync(context, exception, NullLogger.Instance);

        var errors = ReadBody(context).GetProperty("errors");
        Assert.Equal("An email address is required.", errors.GetProperty("email")[0].GetString());
        Assert.Equal("Must be at least 1.", errors.GetProperty("items[0].quantity")[0].GetString());
    }

    [Fact]
    public async Task WriteAsync_MalformedJson_NamesTheFieldWithoutTheDollarPrefix()
    {
        var context = NewContext();

        await ProblemDetailsWriter.WriteAsync(context, new JsonException("bad", "$.items[0].quantity", 1, 2), NullLogger.Instance);

        Assert.True(ReadBody(context).GetProperty("errors").TryGetProperty("items[0].quantity", out _));
    }

    [Fact]
    public async Task WriteAsync_UnknownException_Is500WithTraceIdAndNoInternals()
    {
        var context = NewContext();
        context.TraceIdentifier = "trace-123";
        var exception = new InvalidOperationException("connection string AccountKey=secret for customer Ayesha Khan");

        await ProblemDetailsWriter.WriteAsync(context, exception, NullLogger.Instance);

        var raw = ReadRaw(context);
        Assert.Equal(500, context.Response.StatusCode);
        Assert.DoesNotContain("secret", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Ayesha", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", raw, StringComparison.Ordinal);
        Assert.Equal("trace-123", ReadBody(context).GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task WriteAsync_CallerLeft_WritesNothing()
    {
        var context = NewContext();
        using var aborted = new CancellationTokenSource();
        await aborted.CancelAsync();
        context.RequestAborted = aborted.Token;

        await ProblemDetailsWriter.WriteAsync(context, new OperationCanceledException(aborted.Token), NullLogger.Instance);

        Assert.Equal(0, context.Response.Body.Length);
    }

    private static DefaultHttpContext NewContext()
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static string ReadRaw(HttpContext context)
    {
        context.Response.Body.Position = 0;
        return new StreamReader(context.Response.Body).ReadToEnd();
    }

    private static JsonElement ReadBody(HttpContext context) => JsonDocument.Parse(ReadRaw(context)).RootElement;
}
