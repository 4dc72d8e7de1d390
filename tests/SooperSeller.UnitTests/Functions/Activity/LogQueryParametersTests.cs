using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using SooperSeller.Core.Activity;
using SooperSeller.Core.Errors;
using SooperSeller.Functions.Activity;

namespace SooperSeller.UnitTests.Functions.Activity;

public sealed class LogQueryParametersTests
{
    [Fact]
    public void ForAccessLog_NoParameters_AnyEntryFiftyPerPage()
    {
        var query = Query();

        var list = LogQueryParameters.ForAccessLog(query);

        Assert.Equal(new AccessLogFilter(null, null, null, null, null), list.Filter);
        Assert.Equal(50, list.Limit);
        Assert.Null(list.Cursor);
    }

    [Fact]
    public void ForAccessLog_EveryFilter_ReadsThemAsUtcInstantsAndValues()
    {
        var query = Query(("from", "2026-11-28T19:00:00+05:00"), ("to", "2026-11-29T00:00:00Z"), ("actor", "usr_1"), ("resourceType", "user"), ("action", "export"), ("limit", "200"), ("cursor", "abc"));

        var list = LogQueryParameters.ForAccessLog(query);

        Assert.Equal(new DateTimeOffset(2026, 11, 28, 14, 0, 0, TimeSpan.Zero), list.Filter.From);
        Assert.Equal(TimeSpan.Zero, list.Filter.From!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero), list.Filter.To);
        Assert.Equal("usr_1", list.Filter.ActorId);
        Assert.Equal("user", list.Filter.ResourceType);
        Assert.Equal(AccessAction.Export, list.Filter.Action);
        Assert.Equal(200, list.Limit);
        Assert.Equal("abc", list.Cursor);
    }

    [Fact]
    public void ForAccessLog_InstantWithoutOffset_IsUtc()
    {
        var query = Query(("from", "2026-11-28T19:00:00"));

        var list = LogQueryParameters.ForAccessLog(query);

        Assert.Equal(new DateTimeOffset(2026, 11, 28, 19, 0, 0, TimeSpan.Zero), list.Filter.From);
    }

    [Theory]
    [InlineData("from", "yesterday")]
    [InlineData("from", "2026-11-28")]
    [InlineData("to", "2026-13-01T00:00:00Z")]
    [InlineData("limit", "0")]
    [InlineData("limit", "201")]
    [InlineData("limit", "ten")]
    [InlineData("limit", "-1")]
    [InlineData("action", "peek")]
    [InlineData("action", "1")]
    [InlineData("action", "")]
    public void ForAccessLog_BadValue_FailsNamingTheParameter(string name, string value)
    {
        var query = Query((name, value));

        var failure = Assert.Throws<ValidationFailedException>(() => LogQueryParameters.ForAccessLog(query));

        Assert.Equal([name], failure.Errors.Keys);
    }

    [Fact]
    public void ForAccessLog_ToNotAfterFrom_FailsNamingTo()
    {
        var query = Query(("from", "2026-11-29T00:00:00Z"), ("to", "2026-11-28T00:00:00Z"));

        var failure = Assert.Throws<ValidationFailedException>(() => LogQueryParameters.ForAccessLog(query));

        Assert.Equal(["to"], failure.Errors.Keys);
    }

    [Fact]
    public void ForAccessLog_ParameterGivenTwice_FailsNamingIt()
    {
        var query = new QueryCollection(new Dictionary<string, StringValues> { ["actor"] = new(["usr_1", "usr_2"]) });

        var failure = Assert.Throws<ValidationFailedException>(() => LogQueryParameters.ForAccessLog(query));

        Assert.Equal(["actor"], failure.Errors.Keys);
    }

    [Fact]
    public void ForAccessLog_OverlongResourceType_FailsNamingIt()
    {
        var query = Query(("resourceType", new string('x', LogQueryParameters.MaxTextLength + 1)));

        var failure = Assert.Throws<ValidationFailedException>(() => LogQueryParameters.ForAccessLog(query));

        Assert.Equal(["resourceType"], failure.Errors.Keys);
    }

    [Fact]
    public void ForAuditLog_ActionInCamelCase_ReadsTheAuditAction()
    {
        var query = Query(("action", "ownershipTransferred"), ("limit", "1"));

        var list = LogQueryParameters.ForAuditLog(query);

        Assert.Equal(AuditAction.OwnershipTransferred, list.Filter.Action);
        Assert.Equal(1, list.Limit);
    }

    [Fact]
    public void ForAuditLog_AccessActionName_FailsNamingAction()
    {
        var query = Query(("action", "read"));

        var failure = Assert.Throws<ValidationFailedException>(() => LogQueryParameters.ForAuditLog(query));

        Assert.Equal(["action"], failure.Errors.Keys);
    }

    private static QueryCollection Query(params (string Name, string Value)[] parameters) =>
        new(parameters.ToDictionary(p => p.Name, p => new StringValues(p.Value), StringComparer.Ordinal));
}
