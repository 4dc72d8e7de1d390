namespace SooperSeller.DevHost.Hosting;

/// <summary>Resolves <c>%Name%</c> in trigger attributes from configuration, as the Functions host does.</summary>
internal static class SettingReference
{
    public static string Resolve(string value, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 2 && value[0] == '%' && value[^1] == '%')
        {
            var name = value[1..^1];
            return configuration[name] is { Length: > 0 } resolved
                ? resolved
                : throw new InvalidOperationException($"Trigger setting '{name}' is not configured.");
        }

        return value;
    }
}
