namespace SooperSeller.Core.Errors;

/// <summary>The request conflicts with the current state (a duplicate, a stale ETag, an illegal transition): 409.</summary>
public sealed class ConflictException(string message) : SooperSellerException(message);
