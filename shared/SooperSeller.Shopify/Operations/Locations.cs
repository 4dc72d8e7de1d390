namespace SooperSeller.Shopify.Operations;

/// <summary>Variables of <c>ListLocations</c>; inactive locations are left out unless asked for.</summary>
public sealed record ListLocationsVariables(int First, string? After, bool? IncludeInactive = null);

public sealed record ListLocationsData(Connection<LocationNode> Locations);

public sealed record LocationNode(string Id, string Name, bool IsActive, bool FulfillsOnlineOrders, LocationAddress Address);

/// <summary>A location's (business) address.</summary>
public sealed record LocationAddress(
    string? Address1,
    string? Address2,
    string? City,
    string? Province,
    string? ProvinceCode,
    string? Country,
    string? CountryCode,
    string? Zip,
    string? Phone);
