namespace SooperSeller.Shopify.Operations;

/// <summary>Variables of an operation that takes none; serialises as <c>{}</c>.</summary>
public sealed record NoVariables
{
    public static NoVariables Instance { get; } = new();
}
