namespace SooperSeller.Core.Errors;

/// <summary>No valid session (or signature) for a route that needs one: 401.</summary>
public sealed class UnauthenticatedException(string message) : SooperSellerException(message);
