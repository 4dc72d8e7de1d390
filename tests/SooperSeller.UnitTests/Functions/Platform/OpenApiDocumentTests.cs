using System.Globalization;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.OpenApi;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.DevHost.Hosting;
using SooperSeller.Functions;
using SooperSeller.Functions.Accounts;
using SooperSeller.Functions.Http;
using SooperSeller.Functions.Http.Auth;
using SooperSeller.Functions.Platform.OpenApi;

namespace SooperSeller.UnitTests.Functions.Platform;

/// <summary>
/// The served document against the app's HTTP functions as the DevHost finds them (its own reflection, not the
/// builder's) and against what each function's code reads (the <see cref="JsonBody"/> call in its IL).
/// </summary>
public partial class OpenApiDocumentTests
{
    private static readonly JsonObject Document = OpenApiDocumentBuilder.Build(typeof(FunctionsAppServices).Assembly);

    // Every HTTP function of the app but the catch-all ("api/{*path}"), which answers unknown routes and is no operation.
    private static readonly IReadOnlyList<HttpFunction> Functions =
        [.. FunctionCatalog.Discover([typeof(FunctionsAppServices).Assembly]).Http.Where(f => !CatchAll().IsMatch(f.Route))];

    [Fact]
    public void Build_EveryHttpFunction_HasItsPathAndMethodsNamedAfterIt()
    {
        var expected = Functions.SelectMany(f => f.Methods.Select(m => $"{m} {PathOf(f)} {f.Name}"));

        var operations = Operations().Select(o => $"{o.Method.ToUpperInvariant()} {o.Path} {o.Operation["operationId"]}").ToList();

        Assert.Equal(expected.Order(StringComparer.Ordinal), operations.Order(StringComparer.Ordinal));
        Assert.Contains("POST /api/auth/register Register", operations);
        Assert.Contains("GET /api/openapi.json GetOpenApi", operations);
        Assert.DoesNotContain(operations, o => o.Contains("RouteNotFound", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_EveryOperation_HasTheRoutesParametersAsRequiredPathParameters()
    {
        var failures = new List<string>();

        foreach (var (function, method) in FunctionMethods())
        {
            var expected = Regex.Matches(function.Route, @"\{\*{0,2}(\w+)").Select(m => m.Groups[1].Value);
            var parameters = Operation(function, method)["parameters"]?.AsArray() ?? [];
            var actual = parameters.Where(p => (string?)p!["in"] == "path" && (bool?)p["required"] == true).Select(p => (string)p!["name"]!);
            if (!expected.SequenceEqual(actual) || parameters.Count != actual.Count())
            {
                failures.Add($"{function.Name} {method}: route {function.Route}, parameters {parameters.ToJsonString()}");
            }
        }

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("health", "/api/health", "")]
    [InlineData("users/{id}/role", "/api/users/{id}/role", "id string")]
    [InlineData("stores/{storeId:guid}/orders/{number:int:min(1)}", "/api/stores/{storeId}/orders/{number}", "storeId string uuid,number integer int32")]
    [InlineData("reports/{day:datetime}/{page:long?}", "/api/reports/{day}/{page}", "day string date-time,page integer int64")]
    [InlineData("files/{*path}", "/api/files/{path}", "path string")]
    public void Parse_Route_GivesTheOpenApiPathAndTypedParameters(string route, string path, string parameters)
    {
        var template = RouteTemplate.Parse(route);

        Assert.Equal(path, template.Path);
        Assert.Equal(parameters, string.Join(',', template.Parameters.Select(p => $"{p.Name} {p.Type} {p.Format}".TrimEnd())));
    }

    [Theory]
    [InlineData("{*path}", true)]
    [InlineData("{**rest}", true)]
    [InlineData("files/{*path}", false)]
    [InlineData("{id}", false)]
    public void IsCatchAll_Route_IsTrueOnlyForALoneCatchAllParameter(string route, bool catchAll)
    {
        var template = RouteTemplate.Parse(route);

        Assert.Equal(catchAll, template.IsCatchAll);
    }

    [Fact]
    public void Build_FunctionReadingAJsonBody_HasARequiredRequestBodyWithThatTypesProperties()
    {
        var failures = new List<string>();
        var readers = 0;

        foreach (var (function, method) in FunctionMethods())
        {
            var read = JsonBodyTypeRead(function.Method);
            var body = Operation(function, method)["requestBody"];
            if (read is null)
            {
                if (body is not null)
                {
                    failures.Add($"{function.Name} reads no JSON body but documents one");
                }

                continue;
            }

            readers++;
            var schema = body?["content"]?["application/json"]?["schema"] is { } reference ? Resolve(reference) : null;
            var expected = JsonSerializer.SerializeToNode(RuntimeHelpers.GetUninitializedObject(read), read, ApiJson.Options)!.AsObject().Select(p => p.Key);
            var actual = schema?["properties"]?.AsObject().Select(p => p.Key) ?? [];
            if (body?["required"]?.GetValue<bool>() != true || !expected.SequenceEqual(actual))
            {
                failures.Add($"{function.Name} reads {read.Name} ({string.Join(", ", expected)}) but documents {body?.ToJsonString() ?? "no body"}");
            }
        }

        Assert.Empty(failures);
        Assert.True(readers >= 3, $"only {readers} functions were found reading a JSON body: the IL scan is broken");
    }

    [Fact]
    public void Build_Responses_AreTheDeclaredStatusesPlusThoseTheKindAndTheBodyImply()
    {
        var failures = new List<string>();

        foreach (var (function, method) in FunctionMethods())
        {
            var expected = function.Method.GetCustomAttributes<RespondsAttribute>().Select(r => r.Status).Concat(Implied(function, method)).Distinct().Order();
            var actual = Operation(function, method)["responses"]!.AsObject().Select(r => int.Parse(r.Key, CultureInfo.InvariantCulture)).Order();
            if (!expected.SequenceEqual(actual))
            {
                failures.Add($"{function.Name} {method}: expected {string.Join(' ', expected)}, documented {string.Join(' ', actual)}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Build_KnownFunctions_DocumentTheStatusesTheyAnswer()
    {
        Assert.Equal(["202", "400", "403", "413", "429", "500"], StatusesOf("Register"));
        Assert.Equal(["200", "400", "401", "403", "413", "429", "500"], StatusesOf("Login"));
        Assert.Equal(["204", "401", "403", "413", "500"], StatusesOf("Logout"));
        Assert.Equal(["200", "401", "500"], StatusesOf("GetCsrfToken"));
        Assert.Equal(["200", "500", "503"], StatusesOf("GetHealth"));
    }

    [Fact]
    public void Build_ErrorResponses_AreProblemDetailsWithValidationErrorsOn400()
    {
        var errors = Operations().SelectMany(o => o.Operation["responses"]!.AsObject()).Where(r => r.Key[0] is '4' or '5' && r.Key != "503").ToList();

        Assert.NotEmpty(errors);
        Assert.All(errors, response => Assert.Equal(
            response.Key == "400" ? "#/components/schemas/ValidationProblemDetails" : "#/components/schemas/ProblemDetails",
            (string?)response.Value!["content"]?[ProblemDetailsWriter.ContentType]?["schema"]?["$ref"]));
    }

    [Fact]
    public void Build_Security_IsTheSessionCookieWithCsrfOnStateChangesForSessionFunctionsOnly()
    {
        var failures = new List<string>();

        foreach (var (function, method) in FunctionMethods())
        {
            var expected = RequestAuthenticator.KindOf(function.Method) switch
            {
                SessionAttribute => ChangesState(method) ? "csrfToken,sessionCookie" : "sessionCookie",
                PlatformStaffAttribute => ChangesState(method) ? "csrfToken,staffSessionCookie" : "staffSessionCookie",
                ShopifyHmacAttribute => "shopifyHmac",
                _ => string.Empty,
            };
            var actual = (Operation(function, method)["security"]?.AsArray() ?? []).SelectMany(r => r!.AsObject().Select(s => s.Key)).Order(StringComparer.Ordinal);
            if (expected != string.Join(',', actual))
            {
                failures.Add($"{function.Name} {method}: expected [{expected}], documented [{string.Join(',', actual)}]");
            }
        }

        var schemes = Document["components"]!["securitySchemes"]!;
        Assert.Empty(failures);
        Assert.Equal("cookie " + SessionCookie.Name, $"{schemes["sessionCookie"]!["in"]} {schemes["sessionCookie"]!["name"]}");
        Assert.Equal("cookie " + StaffSessionCookie.Name, $"{schemes["staffSessionCookie"]!["in"]} {schemes["staffSessionCookie"]!["name"]}");
        Assert.Equal("header " + ShopifySignedBody.SignatureHeader, $"{schemes["shopifyHmac"]!["in"]} {schemes["shopifyHmac"]!["name"]}");
        Assert.Equal("header " + RequestAuthenticator.CsrfHeader, $"{schemes["csrfToken"]!["in"]} {schemes["csrfToken"]!["name"]}");
    }

    [Fact]
    public void Build_ResponseBodyFromAValue_HasItsSchemaAndTheValueAsExample()
    {
        var accepted = Operations().Single(o => (string?)o.Operation["operationId"] == "Register").Operation["responses"]!["202"]!["content"]!["application/json"]!;

        Assert.True(JsonNode.DeepEquals(JsonSerializer.SerializeToNode(Register.Accepted, ApiJson.Options), accepted["example"]));
        Assert.Equal(["status"], accepted["schema"]!["properties"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Build_FunctionWithARouteParameter_DocumentsItAsATypedRequiredPathParameter()
    {
        var document = OpenApiDocumentBuilder.Build(typeof(OpenApiDocumentTests).Assembly);

        var result = OpenApiDocument.Parse(document.ToJsonString(), OpenApiConstants.Json, settings: null);

        var parameter = Assert.Single(document["paths"]!["/api/samples/{id}"]!["post"]!["parameters"]!.AsArray())!;
        Assert.Empty(result.Diagnostic!.Errors);
        Assert.Empty(result.Document!.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
        Assert.Equal("""{"name":"id","in":"path","required":true,"schema":{"type":"integer","format":"int32"}}""", parameter.ToJsonString());
    }

    [Fact]
    public void EveryHttpFunction_DeclaresWhatItAnswersOnSuccess()
    {
        var undocumented = Undocumented(Functions);

        Assert.Empty(undocumented);
    }

    [Fact]
    public void Undocumented_FunctionWithoutResponds_IsNamed()
    {
        var samples = FunctionCatalog.Discover([typeof(OpenApiDocumentTests).Assembly]).Http.Where(f => f.Method.DeclaringType == typeof(Samples)).ToList();

        var undocumented = Undocumented(samples);

        Assert.Equal(2, samples.Count);
        Assert.Equal([nameof(Samples.Forgotten)], undocumented);
    }

    [Fact]
    public void Build_Document_IsValidOpenApi31WithEveryReferenceResolved()
    {
        var json = Document.ToJsonString();

        var result = OpenApiDocument.Parse(json, OpenApiConstants.Json, settings: null);

        Assert.Empty(result.Diagnostic!.Errors);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, result.Diagnostic.SpecificationVersion);
        Assert.NotNull(result.Document);
        Assert.Empty(result.Document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
        Assert.Equal(Operations().Count(), result.Document.Paths.Sum(p => p.Value.Operations?.Count ?? 0));
        Assert.DoesNotContain(References(Document), r => Resolve(new JsonObject { ["$ref"] = r }) is null);
    }

    [Fact]
    public void Parse_DocumentMissingRequiredFields_ReportsErrors()
    {
        // Guards the test above: the reader must report a structurally broken document.
        var broken = JsonNode.Parse(Document.ToJsonString())!.AsObject();
        broken.Remove("info");
        broken["paths"]!["/api/health"]!["get"]!.AsObject().Remove("responses");

        var result = OpenApiDocument.Parse(broken.ToJsonString(), OpenApiConstants.Json, settings: null);

        var errors = result.Diagnostic!.Errors.Concat(result.Document?.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []).Select(e => e.Pointer).ToList();
        Assert.Contains("#/info/title", errors);
        Assert.Contains("#/paths/~1api~1health/get/responses", errors);
    }

    private static string[] StatusesOf(string operationId) =>
        [.. Operations().Single(o => (string?)o.Operation["operationId"] == operationId).Operation["responses"]!.AsObject().Select(r => r.Key)];

    // The contract's rules, restated: what the middleware answers around a function of this kind, method and body.
    private static IEnumerable<int> Implied(HttpFunction function, string method)
    {
        var readsBody = JsonBodyTypeRead(function.Method) is not null;
        if (readsBody)
        {
            yield return StatusCodes.Status400BadRequest;
        }

        switch (RequestAuthenticator.KindOf(function.Method))
        {
            case SessionAttribute session:
                yield return StatusCodes.Status401Unauthorized;
                if (ChangesState(method) || session.Permission is not null)
                {
                    yield return StatusCodes.Status403Forbidden;
                }

                break;
            case PlatformStaffAttribute:
                yield return StatusCodes.Status401Unauthorized;
                if (ChangesState(method))
                {
                    yield return StatusCodes.Status403Forbidden;
                }

                break;
            case ShopifyHmacAttribute:
                yield return StatusCodes.Status401Unauthorized;
                break;
            case AnonymousAttribute { ChangesState: true } when ChangesState(method):
                yield return StatusCodes.Status403Forbidden;
                break;
        }

        if (readsBody || ChangesState(method))
        {
            yield return StatusCodes.Status413PayloadTooLarge;
        }

        yield return StatusCodes.Status500InternalServerError;
    }

    private static List<string> Undocumented(IEnumerable<HttpFunction> functions) =>
        [.. functions.Where(f => !f.Method.GetCustomAttributes<RespondsAttribute>().Any(r => r.Status < 400)).Select(f => f.Name)];

    private static bool ChangesState(string method) => method is not ("GET" or "HEAD" or "OPTIONS");

    private static string PathOf(HttpFunction function) => "/" + Regex.Replace(function.Route, @"\{\*{0,2}(\w+)[^}]*\}", "{$1}");

    private static IEnumerable<(HttpFunction Function, string Method)> FunctionMethods() =>
        Functions.SelectMany(f => f.Methods.Select(m => (f, m)));

    private static JsonObject Operation(HttpFunction function, string method) =>
        Document["paths"]?[PathOf(function)]?[method.ToLowerInvariant()]?.AsObject()
        ?? throw new Xunit.Sdk.XunitException($"{function.Name}: no {method} {PathOf(function)} in the document");

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations() =>
        Document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(op => (path.Key, op.Key, op.Value!.AsObject())));

    private static JsonNode? Resolve(JsonNode schema) =>
        (string?)schema["$ref"] is { } reference
            ? reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries).Aggregate((JsonNode?)Document, (node, segment) => node?[segment])
            : schema;

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "$ref" && p.Value is JsonValue ? [(string)p.Value!] : References(p.Value)),
        JsonArray a => a.SelectMany(References),
        _ => [],
    };

    // The T of the JsonBody.ReadAsync<T> call in a function's code (its async state machine's, if it is async).
    private static Type? JsonBodyTypeRead(MethodInfo function)
    {
        var body = function.GetCustomAttribute<AsyncStateMachineAttribute>()?.StateMachineType.GetMethod("MoveNext", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic) ?? function;
        var read = CalledMethods(body).Where(m => m.DeclaringType == typeof(JsonBody) && m.Name == nameof(JsonBody.ReadAsync)).ToList();
        return read.Count switch
        {
            0 => null,
            1 => read[0].GetGenericArguments()[0],
            _ => throw new Xunit.Sdk.XunitException($"{function.DeclaringType?.Name} reads the body {read.Count} times"),
        };
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    private static List<MethodBase> CalledMethods(MethodInfo method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
        var called = new List<MethodBase>();
        for (var i = 0; i < il.Length;)
        {
            var code = il[i] == 0xFE ? OpCodesByValue[(short)(0xFE00 | il[i + 1])] : OpCodesByValue[il[i]];
            i += code.Size;
            if (code.OperandType == OperandType.InlineMethod)
            {
                called.Add(method.Module.ResolveMethod(BitConverter.ToInt32(il, i))!);
            }

            i += code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, i)),
                _ => 4,
            };
        }

        return called;
    }

    [GeneratedRegex(@"^api/\{\*{1,2}[^}/]+\}$")]
    private static partial Regex CatchAll();

    public static class Samples
    {
        [Function(nameof(Documented))]
        [Anonymous]
        [Responds(StatusCodes.Status204NoContent)]
        public static IResult Documented([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "samples/{id:int}")] HttpRequest request, int id) => TypedResults.NoContent();

        [Function(nameof(Forgotten))]
        [Anonymous]
        [Responds(StatusCodes.Status404NotFound)]
        public static IResult Forgotten([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "samples/forgotten")] HttpRequest request) => TypedResults.NotFound();
    }
}
