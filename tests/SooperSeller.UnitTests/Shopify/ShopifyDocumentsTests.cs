using System.Reflection;
using System.Text.RegularExpressions;
using SooperSeller.Shopify;

namespace SooperSeller.UnitTests.Shopify;

public partial class ShopifyDocumentsTests
{
    [Fact]
    public void All_EveryDocument_DeclaresTheOperationItIsNamedAfter()
    {
        Assert.NotEmpty(ShopifyDocuments.All);
        Assert.All(ShopifyDocuments.All, document =>
        {
            var declared = OperationNames().Matches(document.Text).Select(m => m.Groups[1].Value).ToList();
            Assert.Equal([document.Name], declared);
        });
    }

    [Fact]
    public void ShopifyOperations_EveryOperation_SendsADocumentFromAll()
    {
        var operations = typeof(ShopifyOperations).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Select(p => p.GetValue(null)!)
            .Select(o => (Name: (string)o.GetType().GetProperty("Name")!.GetValue(o)!, Text: (string)o.GetType().GetProperty("Document")!.GetValue(o)!))
            .ToList();

        Assert.Equal(ShopifyDocuments.All.Count, operations.Count);
        Assert.All(operations, o => Assert.Contains(new ShopifyDocument(o.Name, o.Text), ShopifyDocuments.All));
    }

    [GeneratedRegex(@"^\s*(?:query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.Multiline)]
    private static partial Regex OperationNames();
}
