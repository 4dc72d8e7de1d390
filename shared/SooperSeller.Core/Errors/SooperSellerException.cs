namespace SooperSeller.Core.Errors;

/// <summary>
/// Base of the small fixed set of exceptions the API maps to RFC 9457 ProblemDetails (one map, in the Functions app).
/// Their messages are shown to callers, so they never carry personal data, secrets or internals.
/// </summary>
public abstract class SooperSellerException : Exception
{
    protected SooperSellerException(string message)
        : base(message)
    {
    }

    protected SooperSellerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
