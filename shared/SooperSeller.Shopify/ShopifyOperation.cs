using System.Text.Json.Serialization.Metadata;

namespace SooperSeller.Shopify;

/// <summary>
/// A typed GraphQL operation: the embedded document named <see cref="Name"/> (also its operation name), how its
/// variables and data (de)serialise, and the cost to reserve in the shop's bucket before sending it. Instances live
/// in <see cref="ShopifyOperations"/>; the constructor is internal so that only embedded, schema-validated documents exist.
/// </summary>
public sealed class ShopifyOperation<TVariables, TData>
{
    internal ShopifyOperation(string name, int estimatedCost, JsonTypeInfo<TVariables> variablesType, JsonTypeInfo<TData> dataType)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(estimatedCost);
        Name = name;
        Document = ShopifyDocuments.Text(name);
        EstimatedCost = estimatedCost;
        VariablesType = variablesType;
        DataType = dataType;
    }

    /// <summary>The document's file name and its operation name.</summary>
    public string Name { get; }

    public string Document { get; }

    /// <summary>
    /// The requested query cost assumed before Shopify has reported one for this operation (worked out from the
    /// document: 1 per object, connections times <c>first</c>, 10 per mutation). The client then uses the last
    /// <c>requestedQueryCost</c> it saw.
    /// </summary>
    public int EstimatedCost { get; }

    internal JsonTypeInfo<TVariables> VariablesType { get; }

    internal JsonTypeInfo<TData> DataType { get; }

    public override string ToString() => Name;
}
