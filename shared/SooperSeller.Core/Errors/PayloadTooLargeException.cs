namespace SooperSeller.Core.Errors;

/// <summary>
/// A request body over its route's limit, or a document over the size the store accepts: 413.
/// </summary>
public sealed class PayloadTooLargeException(string message, long limitBytes) : SooperSellerException(message)
{
    public long LimitBytes { get; } = limitBytes;
}
