namespace SooperSeller.Functions.Http;

// What the OpenAPI document (GET /api/openapi.json) cannot learn by reflection over an HTTP function. The statuses its
// authentication kind and the middleware imply (401, 403, 400 and 413 for a body, 500) are added for it, not declared.

/// <summary>The JSON body an HTTP function reads (with <see cref="JsonBody"/>): its schema is the type's.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class RequestBodyAttribute(Type type) : Attribute
{
    public Type Type { get; } = type;
}

/// <summary>
/// One status an HTTP function itself answers. A success with <see cref="Type"/> (or <see cref="BodyFrom"/>) has that
/// JSON body, one without has none (204); an error status is ProblemDetails (400: with <c>errors</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class RespondsAttribute(int status, Type? type = null) : Attribute
{
    public int Status { get; } = status;

    public Type? Type { get; } = type;

    /// <summary>
    /// A public static field or property of the function's class holding the one body it always answers (an anonymous
    /// object, say): its runtime type gives the schema and its value the example.
    /// </summary>
    public string? BodyFrom { get; init; }

    /// <summary>When this status is answered; the reason phrase when not given.</summary>
    public string? Description { get; init; }
}
