using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.Functions.Http;
using SooperSeller.Functions.Http.Auth;

namespace SooperSeller.Functions.Platform.OpenApi;

/// <summary>
/// The OpenAPI 3.1 document of every HTTP function of an assembly, built by reflection: path and methods from the
/// trigger, path parameters from the route, security and the statuses the middleware answers from the authentication
/// kind and body limit, and the rest from <see cref="RequestBodyAttribute"/> and <see cref="RespondsAttribute"/>.
/// The catch-all that answers unknown routes with 404 is not an operation.
/// </summary>
public static class OpenApiDocumentBuilder
{
    public const string OpenApiVersion = "3.1.0";
    public const string SessionScheme = "sessionCookie";
    public const string CsrfScheme = "csrfToken";
    public const string StaffSessionScheme = "staffSessionCookie";
    public const string ShopifyHmacScheme = "shopifyHmac";
    public const string ProblemSchema = "ProblemDetails";
    public const string ValidationProblemSchema = "ValidationProblemDetails";

    public static JsonObject Build(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var schemas = new SchemaRegistry();
        var paths = new JsonObject();
        foreach (var function in ApiFunction.Discover(assembly).Where(f => !f.Route.IsCatchAll).OrderBy(f => f.Route.Path, StringComparer.Ordinal))
        {
            if (paths[function.Route.Path] is not JsonObject item)
            {
                paths[function.Route.Path] = item = [];
            }

            foreach (var method in function.Methods)
            {
                var key = method.ToLowerInvariant();
                if (item.ContainsKey(key))
                {
                    throw new InvalidOperationException($"{method} {function.Route.Path} is served by two functions, {function.Name} and another.");
                }

                item[key] = Operation(function, method, schemas);
            }
        }

        schemas.Components[ProblemSchema] = ProblemDetailsSchema();
        schemas.Components[ValidationProblemSchema] = ValidationProblemDetailsSchema();
        return new JsonObject
        {
            ["openapi"] = OpenApiVersion,
            ["info"] = new JsonObject
            {
                ["title"] = "SooperSeller API",
                ["version"] = assembly.GetName().Version?.ToString(3) ?? "1.0.0",
                ["description"] = "JSON bodies are camelCase, enums camelCase strings; errors are RFC 9457 ProblemDetails. An /api route not listed here answers 404 ProblemDetails.",
            },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas.Components,
                ["securitySchemes"] = new JsonObject
                {
                    [SessionScheme] = ApiKey("cookie", SessionCookie.Name, "The session cookie a sign-in sets (Secure; HttpOnly; SameSite=Lax)."),
                    [StaffSessionScheme] = ApiKey("cookie", StaffSessionCookie.Name, "The platform staff session cookie a staff sign-in (with TOTP) sets (Secure; HttpOnly; SameSite=Strict)."),
                    [ShopifyHmacScheme] = ApiKey("header", ShopifySignedBody.SignatureHeader, "Shopify's base64 HMAC-SHA256 of the raw body under the app secret (or the previous one); no cookie or CSRF token counts."),
                    [CsrfScheme] = ApiKey("header", RequestAuthenticator.CsrfHeader, "The session's CSRF token (from the sign-in body or GET /api/auth/csrf), required on POST, PUT, PATCH and DELETE."),
                },
            },
        };
    }

    /// <summary>Whether a method changes state (what the authentication kinds guard with CSRF and origin checks).</summary>
    public static bool ChangesState(string method) => method.ToUpperInvariant() is not ("GET" or "HEAD" or "OPTIONS");

    private static JsonObject Operation(ApiFunction function, string method, SchemaRegistry schemas)
    {
        var kind = RequestAuthenticator.KindOf(function.Method)
            ?? throw new InvalidOperationException($"{function.Name} declares no authentication kind.");
        var body = function.Method.GetCustomAttribute<RequestBodyAttribute>();
        var operation = new JsonObject
        {
            ["operationId"] = function.Methods.Count == 1 ? function.Name : function.Name + method[..1] + method[1..].ToLowerInvariant(),
            ["tags"] = new JsonArray(function.Method.DeclaringType?.Namespace?.Split('.')[^1] ?? "Functions"),
            ["description"] = Describe(kind),
        };
        if (function.Route.Parameters.Count > 0)
        {
            operation["parameters"] = new JsonArray([.. function.Route.Parameters.Select(PathParameter)]);
        }

        if (body is not null)
        {
            operation["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = schemas.For(body.Type) } },
            };
        }

        operation["responses"] = Responses(function, method, kind, body is not null, schemas);
        if (kind is SessionAttribute or PlatformStaffAttribute)
        {
            var requirement = new JsonObject { [kind is PlatformStaffAttribute ? StaffSessionScheme : SessionScheme] = new JsonArray() };
            if (ChangesState(method))
            {
                requirement[CsrfScheme] = new JsonArray();
            }

            operation["security"] = new JsonArray(requirement);
        }
        else if (kind is ShopifyHmacAttribute)
        {
            operation["security"] = new JsonArray(new JsonObject { [ShopifyHmacScheme] = new JsonArray() });
        }

        return operation;
    }

    private static JsonObject Responses(ApiFunction function, string method, AuthenticationKindAttribute kind, bool readsBody, SchemaRegistry schemas)
    {
        var responses = new SortedDictionary<int, JsonObject>();
        var described = new HashSet<int>();
        foreach (var declared in function.Method.GetCustomAttributes<RespondsAttribute>())
        {
            var response = new JsonObject { ["description"] = declared.Description ?? ReasonPhrases.GetReasonPhrase(declared.Status) };
            if (declared.Description is not null)
            {
                described.Add(declared.Status);
            }

            if (declared.BodyFrom is not null)
            {
                var value = StaticValue(function, declared.BodyFrom);
                response["content"] = Json(schemas.For(value.GetType()), JsonSerializer.SerializeToNode(value, value.GetType(), SchemaRegistry.Options));
            }
            else if (declared.Type is not null)
            {
                response["content"] = Json(schemas.For(declared.Type), example: null);
            }
            else if (declared.Status >= 400)
            {
                response["content"] = Problem(declared.Status);
            }

            if (!responses.TryAdd(declared.Status, response))
            {
                throw new InvalidOperationException($"{function.Name} declares [Responds({declared.Status})] twice.");
            }
        }

        foreach (var (status, description) in Implied(function, method, kind, readsBody))
        {
            if (responses.TryGetValue(status, out var response))
            {
                response["description"] = described.Contains(status) ? $"{response["description"]} {description}" : description;
                response["content"] ??= Problem(status);
            }
            else
            {
                responses[status] = new JsonObject { ["description"] = description, ["content"] = Problem(status) };
            }
        }

        var result = new JsonObject();
        foreach (var (status, response) in responses)
        {
            result[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = response;
        }

        return result;
    }

    /// <summary>What the worker middleware answers for this function before or around it (contract "Authentication kinds").</summary>
    private static IEnumerable<(int Status, string Description)> Implied(ApiFunction function, string method, AuthenticationKindAttribute kind, bool readsBody)
    {
        if (readsBody)
        {
            yield return (400, "The body is missing or is not JSON of the expected shape (errors by JSON path).");
        }

        switch (kind)
        {
            case SessionAttribute session:
                yield return (401, "No valid session: sign in first.");
                var forbidden = new List<string>();
                if (ChangesState(method))
                {
                    forbidden.Add($"the {RequestAuthenticator.CsrfHeader} header is missing or does not match the session");
                }

                if (session.Permission is { } permission)
                {
                    forbidden.Add($"the role does not grant {JsonNamingPolicy.CamelCase.ConvertName(permission.ToString())}");
                }

                if (forbidden.Count > 0)
                {
                    yield return (403, "Refused: " + string.Join(", or ", forbidden) + ".");
                }

                break;
            case PlatformStaffAttribute:
                yield return (401, "No valid platform staff session: sign in as staff (with TOTP) first.");
                if (ChangesState(method))
                {
                    yield return (403, $"Refused: the {RequestAuthenticator.CsrfHeader} header is missing or does not match the staff session.");
                }

                break;
            case ShopifyHmacAttribute:
                yield return (401, $"The {ShopifySignedBody.SignatureHeader} signature is missing or does not match the body.");
                break;
            case AnonymousAttribute { ChangesState: true } when ChangesState(method):
                yield return (403, "A cross-site request: Sec-Fetch-Site must be same-origin, same-site or none, or Origin one of the front end's.");
                break;
        }

        if (readsBody || ChangesState(method))
        {
            yield return (413, $"The body is larger than this route accepts ({RequestBodyLimits.For(function.Method)} bytes).");
        }

        yield return (500, "An unexpected error; quote the traceId when reporting it.");
    }

    private static string Describe(AuthenticationKindAttribute kind) => kind switch
    {
        AnonymousAttribute => "Authentication: anonymous.",
        SessionAttribute { Permission: { } permission } => $"Authentication: session, with permission {JsonNamingPolicy.CamelCase.ConvertName(permission.ToString())}.",
        SessionAttribute => "Authentication: session.",
        PlatformStaffAttribute => "Authentication: platform staff session (with TOTP).",
        ShopifyHmacAttribute => $"Authentication: Shopify's signature ({ShopifySignedBody.SignatureHeader}) over the raw body; no cookies, no CSRF.",
        _ => $"Authentication: {kind.GetType().Name.Replace("Attribute", string.Empty, StringComparison.Ordinal)}.",
    };

    private static object StaticValue(ApiFunction function, string member)
    {
        var type = function.Method.DeclaringType!;
        const BindingFlags Flags = BindingFlags.Public | BindingFlags.Static;
        return (type.GetField(member, Flags)?.GetValue(null) ?? type.GetProperty(member, Flags)?.GetValue(null))
            ?? throw new InvalidOperationException($"{function.Name}: [Responds(BodyFrom = \"{member}\")] names no public static non-null member of {type.Name}.");
    }

    private static JsonObject PathParameter(RouteParameter parameter)
    {
        var schema = new JsonObject { ["type"] = parameter.Type };
        if (parameter.Format is not null)
        {
            schema["format"] = parameter.Format;
        }

        return new JsonObject { ["name"] = parameter.Name, ["in"] = "path", ["required"] = true, ["schema"] = schema };
    }

    private static JsonObject Json(JsonNode schema, JsonNode? example)
    {
        var media = new JsonObject { ["schema"] = schema };
        if (example is not null)
        {
            media["example"] = example;
        }

        return new JsonObject { ["application/json"] = media };
    }

    private static JsonObject Problem(int status) => new()
    {
        [ProblemDetailsWriter.ContentType] = new JsonObject
        {
            ["schema"] = SchemaRegistry.Reference(status == 400 ? ValidationProblemSchema : ProblemSchema),
        },
    };

    // What ProblemDetailsWriter writes (RFC 9457 plus traceId); written here since ProblemDetails' own type is open-ended.
    private static JsonObject ProblemDetailsSchema() => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray("type", "title", "status", "traceId"),
        ["properties"] = new JsonObject
        {
            ["type"] = new JsonObject { ["type"] = "string", ["format"] = "uri-reference" },
            ["title"] = new JsonObject { ["type"] = "string" },
            ["status"] = new JsonObject { ["type"] = "integer", ["format"] = "int32" },
            ["detail"] = new JsonObject { ["type"] = "string" },
            ["instance"] = new JsonObject { ["type"] = "string" },
            ["traceId"] = new JsonObject { ["type"] = "string" },
        },
    };

    private static JsonObject ValidationProblemDetailsSchema() => new()
    {
        ["allOf"] = new JsonArray(
            SchemaRegistry.Reference(ProblemSchema),
            new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["errors"] = new JsonObject
                    {
                        ["description"] = "Messages by camelCase JSON path of the field (\"$\" for the body as a whole).",
                        ["type"] = "object",
                        ["additionalProperties"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
                    },
                },
            }),
    };

    private static JsonObject ApiKey(string location, string name, string description) => new()
    {
        ["type"] = "apiKey",
        ["in"] = location,
        ["name"] = name,
        ["description"] = description,
    };
}
