using Microsoft.AspNetCore.Http;
using SooperSeller.Core.Errors;

namespace SooperSeller.Functions.Http;

/// <summary>Reads a request's JSON body (camelCase); a missing or non-JSON body is a 400 naming what is wrong.</summary>
public static class JsonBody
{
    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            throw new ValidationFailedException("$", "Send a JSON body with Content-Type: application/json.");
        }

        return await request.ReadFromJsonAsync<T>(ApiJson.Options, cancellationToken)
            ?? throw new ValidationFailedException("$", "The body must be a JSON object.");
    }
}
