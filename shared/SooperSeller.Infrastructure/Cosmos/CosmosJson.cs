using System.Text.Json;
using System.Text.Json.Serialization;

namespace SooperSeller.Infrastructure.Cosmos;

/// <summary>The one JSON shape of stored documents: camelCase, enums as camelCase strings, nulls omitted.</summary>
public static class CosmosJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
