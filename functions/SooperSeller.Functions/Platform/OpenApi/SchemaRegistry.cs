using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SooperSeller.Functions.Http;

namespace SooperSeller.Functions.Platform.OpenApi;

/// <summary>
/// JSON Schemas of the API's body types, exported by System.Text.Json with the API's JSON options (camelCase, enums as
/// camelCase strings), so a schema says what the serializer really reads and writes. Named types become components.
/// </summary>
internal sealed class SchemaRegistry
{
    /// <summary>
    /// The API's options, except that a schema honours nullable annotations (a non-nullable property is not offered
    /// null) and asks for numbers as numbers: the API writes them so, and reading them from strings is leniency only.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new(ApiJson.Options)
    {
        RespectNullableAnnotations = true,
        NumberHandling = JsonNumberHandling.Strict,
        TypeInfoResolver = ApiJson.Options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver(),
    };

    private static readonly JsonSchemaExporterOptions Exporter = new() { TreatNullObliviousAsNonNullable = true };

    private readonly Dictionary<Type, string> _names = [];

    public JsonObject Components { get; } = [];

    public static JsonNode SchemaOf(Type type) => Options.GetJsonSchemaAsNode(type, Exporter);

    /// <summary>A <c>$ref</c> to the type's component, added on first use; anonymous types are written in place.</summary>
    public JsonNode For(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
        {
            return SchemaOf(type);
        }

        if (!_names.TryGetValue(type, out var name))
        {
            name = NameOf(type);
            if (Components.ContainsKey(name))
            {
                name = (type.FullName ?? name).Replace('+', '.');
            }

            _names[type] = name;
            Components[name] = SchemaOf(type);
        }

        return Reference(name);
    }

    public static JsonObject Reference(string component) => new() { ["$ref"] = "#/components/schemas/" + component };

    // Page`1[OrderView] → PageOfOrderView; nested MeView+UserView → UserView.
    private static string NameOf(Type type) => type.IsGenericType
        ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "Of" + string.Concat(type.GetGenericArguments().Select(NameOf))
        : type.Name;
}
