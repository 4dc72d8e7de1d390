using Moq;
using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Core.Errors;

namespace SooperSeller.UnitTests.Accounts.Sessions;

public class MySessionsHandlerTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private readonly Mock<ISessionStore> _sessions = new();

    private MySessionsHandler Handler => new(_sessions.Object);

    [Fact]
    public async Task ListAsync_TwoSessions_MarksOnlyTheCallersAsCurrent()
    {
        _sessions.Setup(s => s.ListAsync("usr_1", It.IsAny<CancellationToken>())).ReturnsAsync([new SessionSummary("ses_b", Noon, Noon), new SessionSummary("ses_a", Noon.AddHours(-1), Noon)]);

        var page = await Handler.ListAsync("usr_1", "ses_a", CancellationToken.None);

        Assert.Equal([new SessionView("ses_b", Noon, Noon, false), new SessionView("ses_a", Noon.AddHours(-1), Noon, true)], page.Items);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task RevokeAsync_SessionTheUserDoesNotHave_IsNotFound()
    {
        _sessions.Setup(s => s.RevokeAsync("usr_1", "ses_other", It.IsAny<CancellationToken>())).ReturnsAsync(false);

        await Assert.ThrowsAsync<NotFoundException>(() => Handler.RevokeAsync("usr_1", "ses_other", CancellationToken.None));
    }

    [Fact]
    public async Task RevokeOthersAsync_KeepsTheCurrentSession()
    {
        await Handler.RevokeOthersAsync("usr_1", "ses_a", CancellationToken.None);

        _sessions.Verify(s => s.RevokeAllAsync("usr_1", "ses_a", It.IsAny<CancellationToken>()), Times.Once);
    }
}
