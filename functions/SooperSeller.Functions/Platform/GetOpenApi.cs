using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.Functions.Platform.OpenApi;
using SooperSeller.Functions.Http;

namespace SooperSeller.Functions.Platform;

/// <summary><c>GET /api/openapi.json</c>: the OpenAPI 3.1 document of every route, built once from the app's functions.</summary>
public static class GetOpenApi
{
    // Served as application/json, never inside HTML: '+' and quotes need no escaping ("application/problem+json").
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Lazy<string> Document = new(() => OpenApiDocumentBuilder.Build(typeof(GetOpenApi).Assembly).ToJsonString(Json));

    [Function(nameof(GetOpenApi))]
    [Anonymous]
    [Responds(StatusCodes.Status200OK, typeof(JsonObject), Description = "This document.")]
    public static IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.HttpContext.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Text(Document.Value, "application/json", Encoding.UTF8);
    }
}
