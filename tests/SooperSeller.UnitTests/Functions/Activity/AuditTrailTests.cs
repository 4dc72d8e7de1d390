using System.Net;
using Microsoft.AspNetCore.Http;
using Moq;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Activity;
using SooperSeller.Core.Tenancy;
using SooperSeller.Functions.Activity;
using SooperSeller.Functions.Http.Auth;

namespace SooperSeller.UnitTests.Functions.Activity;

public sealed class AuditTrailTests
{
    private readonly MerchantId _merchant = MerchantId.New();

    [Fact]
    public async Task RecordAsync_SessionRequest_RecordsCallerActionAndTargetOnce()
    {
        var log = new Mock<IAuditLog>();
        AuditEntry? recorded = null;
        log.Setup(l => l.RecordAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>())).Callback<AuditEntry, CancellationToken>((e, _) => recorded = e);
        var trail = new AuditTrail(log.Object, TimeProvider.System);
        var request = SessionRequest();

        await trail.RecordAsync(request, AuditAction.RoleChanged, "usr_2", CancellationToken.None);

        log.Verify(l => l.RecordAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.NotNull(recorded);
        Assert.Equal(_merchant, recorded.MerchantId);
        Assert.Equal(ActivityActor.User("usr_1"), recorded.Actor);
        Assert.Equal(AuditAction.RoleChanged, recorded.Action);
        Assert.Equal("usr_2", recorded.TargetId);
        Assert.Equal("198.51.100.4", recorded.IpAddress);
    }

    private HttpRequest SessionRequest()
    {
        var context = new DefaultHttpContext { TraceIdentifier = "trace-1" };
        context.Connection.RemoteIpAddress = IPAddress.Parse("198.51.100.4");
        context.Features.Set(new Caller("usr_1", _merchant, Role.Owner, "ses_1", "csrf"));
        return context.Request;
    }
}
