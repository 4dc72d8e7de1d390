using SooperSeller.Core.Common;
using SooperSeller.Core.Errors;

namespace SooperSeller.Core.Accounts.Sessions;

/// <summary>A signed-in user's own sessions: list them, end one, end all but the current one.</summary>
public sealed class MySessionsHandler(ISessionStore sessions)
{
    /// <summary>All live sessions in one page (a user has a handful): no cursor.</summary>
    public async Task<Page<SessionView>> ListAsync(string userId, string currentSessionId, CancellationToken cancellationToken)
    {
        var list = await sessions.ListAsync(userId, cancellationToken);
        return new Page<SessionView>([.. list.Select(s => new SessionView(s.SessionId, s.CreatedAt, s.LastSeenAt, s.SessionId == currentSessionId))], null);
    }

    /// <summary>Ends one of the user's sessions; a session id that is not theirs is a 404, exactly like an unknown one.</summary>
    public async Task RevokeAsync(string userId, string sessionId, CancellationToken cancellationToken)
    {
        if (!await sessions.RevokeAsync(userId, sessionId, cancellationToken))
        {
            throw new NotFoundException("session", sessionId);
        }
    }

    public Task RevokeOthersAsync(string userId, string currentSessionId, CancellationToken cancellationToken) =>
        sessions.RevokeAllAsync(userId, currentSessionId, cancellationToken);
}
