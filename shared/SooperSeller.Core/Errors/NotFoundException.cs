namespace SooperSeller.Core.Errors;

/// <summary>A resource that does not exist for the calling merchant (another merchant's resource looks the same): 404.</summary>
public sealed class NotFoundException(string resource, string id)
    : SooperSellerException($"{resource} '{id}' was not found.")
{
    public string Resource { get; } = resource;

    public string Id { get; } = id;
}
