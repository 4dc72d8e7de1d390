namespace SooperSeller.DevHost.Hosting;

/// <summary>Configuration section <c>DevHost</c> (contract: <c>DevHost:Port</c>, <c>DevHost:HttpsPort</c>, <c>DevHost:Sandbox</c>).</summary>
public sealed class DevHostOptions
{
    public const string SectionName = "DevHost";

    /// <summary>HTTP port on 127.0.0.1; 0 picks a free one (tests).</summary>
    public int Port { get; set; } = 7071;

    public int HttpsPort { get; set; } = 7443;

    /// <summary>Simulated Shopify and couriers and a demo merchant, so the product can be tried offline.</summary>
    public bool Sandbox { get; set; } = true;

    /// <summary>
    /// In sandbox mode, with the simulator this DevHost started: the contract's demo merchant and its connected demo store
    /// (<see cref="Sandbox.SandboxDemo"/>). The test DevHosts turn it off, since they share one simulator and shop directory.
    /// </summary>
    public bool SandboxDemo { get; set; } = true;

    /// <summary>The configuration the DevHost runs on when nothing else is given: the contract's "DevHost default" column.</summary>
    public static IReadOnlyDictionary<string, string?> EmbeddedDefaults { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
    {
        ["DevHost:Port"] = "7071",
        ["DevHost:HttpsPort"] = "7443",
        ["DevHost:Sandbox"] = "true",
        ["DevHost:SandboxDemo"] = "true",
        ["Cosmos:Database"] = "sooperseller",
        ["Frontend:Origins"] = "http://127.0.0.1:7071,http://localhost:5173",
        ["Shopify:ApiKey"] = Emulators.ShopifySimulator.SandboxApiKey,
        ["Shopify:ApiSecret"] = Emulators.ShopifySimulator.SandboxApiSecret,
        ["Shopify:ApiVersion"] = "2026-10",
        ["Shopify:AppUrl"] = "http://127.0.0.1:7071",
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Azure"] = "Warning",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
    };
}
