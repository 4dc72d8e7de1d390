using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SooperSeller.UnitTests.Infra;

/// <summary>
/// What the build made of infra/main.bicep (infra/Bicep.targets, before this project compiles): the ARM template
/// <c>main.json</c>, and per environment the compiled parameter file and the deployment snapshot (every resource with
/// that environment's values; what is only known once deployed stays an ARM expression such as
/// <c>[reference('&lt;id&gt;', '&lt;api&gt;').vaultUri]</c>).
/// </summary>
internal static class CompiledBicep
{
    public static readonly IReadOnlyList<string> Environments = ["dev", "staging", "prod"];

    private static readonly ConcurrentDictionary<string, JsonObject> Files = new();

    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "bicep");

    public static JsonObject MainTemplate() => Load("main.json");

    public static string MainTemplateText() => File.ReadAllText(Path.Combine(Directory, "main.json"));

    /// <summary>A parameter's value in infra/environments/&lt;environment&gt;.bicepparam.</summary>
    public static JsonNode Parameter(string environment, string name) =>
        Load($"{environment}.parameters.json").At($"parameters.{name}.value");

    public static DeploymentSnapshot Snapshot(string environment) => new(Load($"{environment}.snapshot.json"));

    private static JsonObject Load(string fileName) =>
        Files.GetOrAdd(fileName, name =>
        {
            var path = Path.Combine(Directory, name);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"{path} is missing: infra/Bicep.targets makes it when this project builds.", path);
            }

            return JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        });

    /// <summary>The node at a dot-separated path; fails with the path when something on the way is missing.</summary>
    public static JsonNode At(this JsonNode node, string path)
    {
        var current = node;
        foreach (var segment in path.Split('.'))
        {
            current = current[segment] ?? throw new KeyNotFoundException($"'{path}' is missing ('{segment}' not found).");
        }

        return current;
    }

    public static string Text(this JsonNode node, string path) => node.At(path).GetValue<string>();

    public static bool Flag(this JsonNode node, string path) => node.At(path).GetValue<bool>();

    public static int Number(this JsonNode node, string path) => node.At(path).GetValue<int>();

    public static string Id(this JsonObject resource) => resource.Text("id");

    public static string Name(this JsonObject resource) => resource.Text("name");

    /// <summary>The ARM expression a resource's runtime property becomes: <c>[reference('&lt;id&gt;', '&lt;api&gt;').property]</c>.</summary>
    public static string RuntimeReference(this JsonObject resource, string property) =>
        $"[reference('{resource.Id()}', '{resource.Text("apiVersion")}').{property}]";
}

/// <summary>One environment's deployment snapshot (<c>bicep snapshot</c>): the resources it would create.</summary>
internal sealed partial class DeploymentSnapshot(JsonObject root)
{
    public IReadOnlyList<JsonObject> Resources { get; } = root.At("predictedResources").AsArray().Select(r => r!.AsObject()).ToList();

    public JsonArray Diagnostics { get; } = root.At("diagnostics").AsArray();

    public JsonObject FunctionApp => Single("Microsoft.Web/sites");

    /// <summary>The Function App's settings, by name.</summary>
    public IReadOnlyDictionary<string, string> AppSettings =>
        FunctionApp.At("properties.siteConfig.appSettings").AsArray()
            .ToDictionary(s => s!.Text("name"), s => s!.Text("value"), StringComparer.Ordinal);

    /// <summary>What a role assignment's principalId must be to name the Function App's system-assigned identity.</summary>
    public string AppPrincipalId =>
        $"[reference('{FunctionApp.Id()}', '{FunctionApp.Text("apiVersion")}', 'full').identity.principalId]";

    public IEnumerable<JsonObject> All(string type) =>
        Resources.Where(r => string.Equals(r.Text("type"), type, StringComparison.OrdinalIgnoreCase));

    public JsonObject Single(string type)
    {
        var matches = All(type).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new InvalidOperationException($"Expected one {type}, found {matches.Count}.");
    }

    public JsonObject Named(string type, string name) =>
        All(type).SingleOrDefault(r => r.Name() == name)
        ?? throw new InvalidOperationException($"No {type} named '{name}'.");

    /// <summary>The resource a role assignment is scoped to, from its id <c>[extensionResourceId('&lt;scope&gt;', ...)]</c>.</summary>
    public static string ScopeOf(JsonObject roleAssignment)
    {
        var match = ExtensionScope().Match(roleAssignment.Id());
        return match.Success
            ? match.Groups["scope"].Value
            : throw new InvalidOperationException($"Cannot read the scope of role assignment {roleAssignment.Id()}.");
    }

    [GeneratedRegex(@"^\[extensionResourceId\('(?<scope>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex ExtensionScope();
}
