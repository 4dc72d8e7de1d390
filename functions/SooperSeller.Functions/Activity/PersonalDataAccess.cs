using Microsoft.AspNetCore.Http;
using SooperSeller.Core.Activity;
using SooperSeller.Functions.Http;
using SooperSeller.Functions.Http.Auth;

namespace SooperSeller.Functions.Activity;

/// <summary>
/// The one line an HTTP function calls after reading personal data: records who (the session's user), which merchant,
/// which records, why, when and from where in the access log. Ids only: never pass the data itself.
/// </summary>
public sealed class PersonalDataAccess(IAccessLog accessLog, TimeProvider time)
{
    public Task RecordAsync(
        HttpRequest request, AccessAction action, string resourceType, IReadOnlyCollection<string> recordIds, AccessPurpose purpose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = request.GetCaller();
        var entry = new AccessLogEntry(
            caller.MerchantId,
            ActivityActor.User(caller.UserId),
            action,
            resourceType,
            recordIds,
            purpose,
            time.GetUtcNow(),
            ClientAddress.Of(request.HttpContext),
            System.Diagnostics.Activity.Current?.Id ?? request.HttpContext.TraceIdentifier);
        return accessLog.RecordAsync(entry, cancellationToken);
    }
}
