namespace SooperSeller.Core.Errors;

/// <summary>The caller is known but may not do this: 403.</summary>
public sealed class ForbiddenException(string message) : SooperSellerException(message);
