namespace SooperSeller.Core.Orders;

/// <summary>A customer's phone as Shopify had it, and in E.164 when it could be read (null otherwise).</summary>
public sealed record CustomerPhone(string Raw, string? E164);
