namespace SooperSeller.Core.Errors;

/// <summary>Input that breaks a rule: 400 with <c>errors</c> keyed by the camelCase JSON path of each field.</summary>
public sealed class ValidationFailedException : SooperSellerException
{
    public ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
        : base("One or more fields are invalid.")
    {
        ArgumentNullException.ThrowIfNull(errors);
        Errors = errors;
    }

    public ValidationFailedException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
