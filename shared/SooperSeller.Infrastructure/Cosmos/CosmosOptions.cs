using System.ComponentModel.DataAnnotations;

namespace SooperSeller.Infrastructure.Cosmos;

/// <summary>Configuration section <c>Cosmos</c> (contract: <c>Cosmos:Endpoint</c>, <c>Cosmos:Key</c>, <c>Cosmos:Database</c>).</summary>
public sealed class CosmosOptions
{
    public const string SectionName = "Cosmos";

    [Required]
    public Uri? Endpoint { get; set; }

    /// <summary>Account key. Unset in Azure, where the managed identity signs in (local auth is disabled there).</summary>
    public string? Key { get; set; }

    [Required]
    public string Database { get; set; } = "sooperseller";

    /// <summary>
    /// Gateway mode with <c>LimitToEndpoint</c>: what the local stand-in needs (it has one endpoint and no direct mode).
    /// Direct mode is the SDK's default and the right one for real accounts.
    /// </summary>
    public bool UseGateway { get; set; }
}
