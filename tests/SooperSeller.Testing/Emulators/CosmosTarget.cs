using Microsoft.Azure.Cosmos;
using SooperSeller.DevHost.Emulators;

namespace SooperSeller.Testing.Emulators;

/// <summary>
/// The Cosmos account the tests run against: the stand-in, or a real account (or the official emulator) when
/// <c>Cosmos__Endpoint</c>/<c>Cosmos__Key</c> (or <c>COSMOS_ENDPOINT</c>/<c>COSMOS_KEY</c>) are set.
/// </summary>
public sealed class CosmosTarget
{
    internal CosmosTarget(Uri endpoint, string key, CosmosStandIn? standIn)
    {
        Endpoint = endpoint;
        Key = key;
        StandIn = standIn;
    }

    public Uri Endpoint { get; }

    /// <summary>A target on a stand-in of a test's own (for tests that inject faults).</summary>
    public static CosmosTarget ForStandIn(CosmosStandIn standIn)
    {
        ArgumentNullException.ThrowIfNull(standIn);
        return new CosmosTarget(standIn.Endpoint, CosmosStandIn.Key, standIn);
    }

    public string Key { get; }

    /// <summary>Null against a real account: fault injection is only possible on the stand-in.</summary>
    public CosmosStandIn? StandIn { get; }

    public bool IsStandIn => StandIn is not null;

    internal static (Uri Endpoint, string Key)? RealAccountFromEnvironment()
    {
        var endpoint = Environment.GetEnvironmentVariable("Cosmos__Endpoint") ?? Environment.GetEnvironmentVariable("COSMOS_ENDPOINT");
        var key = Environment.GetEnvironmentVariable("Cosmos__Key") ?? Environment.GetEnvironmentVariable("COSMOS_KEY");
        return string.IsNullOrWhiteSpace(endpoint) || string.IsNullOrWhiteSpace(key) ? null : (new Uri(endpoint), key);
    }

    /// <summary>A client as the app configures it for this target (Gateway mode on the stand-in).</summary>
    public CosmosClient CreateClient(Action<CosmosClientOptions>? configure = null)
    {
        var options = new CosmosClientOptions
        {
            ApplicationName = "SooperSeller.Tests",
        };
        if (IsStandIn)
        {
            options.ConnectionMode = ConnectionMode.Gateway;
            options.LimitToEndpoint = true;
        }

        configure?.Invoke(options);
        return new CosmosClient(Endpoint.ToString(), Key, options);
    }
}
