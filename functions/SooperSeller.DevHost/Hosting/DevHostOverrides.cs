using System.Reflection;

namespace SooperSeller.DevHost.Hosting;

/// <summary>What a test (or an embedding tool) may change in a DevHost it starts.</summary>
public sealed record DevHostOverrides
{
    /// <summary>Settings over every other configuration source.</summary>
    public IReadOnlyDictionary<string, string?>? Settings { get; init; }

    /// <summary>Where functions are discovered; the Functions app's assembly by default.</summary>
    public IReadOnlyList<Assembly>? FunctionAssemblies { get; init; }

    /// <summary>Runs after every registration, to replace services (a fake <see cref="TimeProvider"/>, say).</summary>
    public Action<IServiceCollection>? Services { get; init; }
}
