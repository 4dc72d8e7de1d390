namespace SooperSeller.DevHost.Hosting;

/// <summary>
/// The Functions host's switch to turn one function off: the app setting <c>AzureWebJobs.&lt;FunctionName&gt;.Disabled</c>
/// set to true. The DevHost honours it for timer and queue functions.
/// </summary>
public static class FunctionSwitch
{
    public static string SettingFor(string functionName) => $"AzureWebJobs.{functionName}.Disabled";

    public static bool IsDisabled(string functionName, IConfiguration configuration) =>
        bool.TryParse(configuration?[SettingFor(functionName)], out var disabled) && disabled;
}
