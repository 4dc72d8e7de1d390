namespace SooperSeller.Core.Orders;

/// <summary>A merchant's settings for order sync: which payment gateway names mean cash on delivery (<see cref="CodRule"/>).</summary>
public sealed record OrderSyncSettings(IReadOnlyList<string> CodGatewayNames)
{
    public static OrderSyncSettings Default { get; } = new(CodRule.DefaultGatewayNames);
}
