using System.Text.RegularExpressions;

namespace SooperSeller.Core.Secrets;

/// <summary>A secret's name: 1-127 letters, digits and dashes, the shape Key Vault accepts.</summary>
public readonly partial record struct SecretName
{
    public SecretName(string value)
    {
        if (value is null || !Shape().IsMatch(value))
        {
            throw new ArgumentException("A secret name is 1-127 letters, digits and dashes.", nameof(value));
        }

        Value = value;
    }

    public string Value { get; }

    public override string ToString() => Value;

    [GeneratedRegex("^[0-9A-Za-z-]{1,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
