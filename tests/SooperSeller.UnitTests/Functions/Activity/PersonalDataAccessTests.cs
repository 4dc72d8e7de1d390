using System.Net;
using Microsoft.AspNetCore.Http;
using Moq;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Activity;
using SooperSeller.Core.Tenancy;
using SooperSeller.Functions.Activity;
using SooperSeller.Functions.Http.Auth;

namespace SooperSeller.UnitTests.Functions.Activity;

public sealed class PersonalDataAccessTests
{
    private readonly MerchantId _merchant = MerchantId.New();

    [Fact]
    public async Task RecordAsync_SessionRequest_RecordsCallerMerchantRecordsPurposeTimeAndAddressOnce()
    {
        var log = new Mock<IAccessLog>();
        AccessLogEntry? recorded = null;
        log.Setup(l => l.RecordAsync(It.IsAny<AccessLogEntry>(), It.IsAny<CancellationToken>())).Callback<AccessLogEntry, CancellationToken>((e, _) => recorded = e);
        var access = new PersonalDataAccess(log.Object, TimeProvider.System);
        var request = SessionRequest();

        await access.RecordAsync(request, AccessAction.Export, "order", ["ord_1", "ord_2"], AccessPurpose.Account, CancellationToken.None);

        log.Verify(l => l.RecordAsync(It.IsAny<AccessLogEntry>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.NotNull(recorded);
        Assert.Equal(_merchant, recorded.MerchantId);
        Assert.Equal(ActivityActor.User("usr_1"), recorded.Actor);
        Assert.Equal(AccessAction.Export, recorded.Action);
        Assert.Equal("order", recorded.ResourceType);
        Assert.Equal(["ord_1", "ord_2"], recorded.RecordIds);
        Assert.Equal("198.51.100.4", recorded.IpAddress);
        Assert.Equal("trace-1", recorded.RequestId);
        Assert.InRange(recorded.At, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    private HttpRequest SessionRequest()
    {
        var context = new DefaultHttpContext { TraceIdentifier = "trace-1" };
        context.Connection.RemoteIpAddress = IPAddress.Parse("198.51.100.4");
        context.Features.Set(new Caller("usr_1", _merchant, Role.Owner, "ses_1", "csrf"));
        return context.Request;
    }
}
