using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace SooperSeller.Core.Tenancy;

/// <summary>
/// The tenant key. Every repository method takes one first and every Cosmos call uses it as the partition key.
/// On the request path it comes from the authenticated session, never from a URL or a body.
/// </summary>
public readonly partial record struct MerchantId
{
    private const string Prefix = "mer_";

    private MerchantId(string value) => Value = value;

    public string Value { get; }

    /// <summary>A fresh merchant id: <c>mer_</c> followed by 32 lower-case hex digits.</summary>
    public static MerchantId New() => new(Prefix + Guid.NewGuid().ToString("N"));

    /// <summary>Reads an id that was created by <see cref="New"/> (from a session, a document or a message).</summary>
    public static MerchantId Parse(string value) =>
        TryParse(value, out var id)
            ? id
            : throw new FormatException("A merchant id is 'mer_' followed by 32 lower-case hex digits.");

    public static bool TryParse([NotNullWhen(true)] string? value, out MerchantId id)
    {
        if (value is not null && Shape().IsMatch(value))
        {
            id = new MerchantId(value);
            return true;
        }

        id = default;
        return false;
    }

    /// <summary>True for <c>default(MerchantId)</c>, which no data access accepts.</summary>
    public bool IsEmpty => Value is null;

    public override string ToString() => Value ?? string.Empty;

    [GeneratedRegex("^mer_[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
