namespace SooperSeller.Core.Activity;

/// <summary>
/// Why personal data was read: one fixed value per call site, never free text (which could carry the data itself).
/// Features add theirs here.
/// </summary>
public enum AccessPurpose
{
    /// <summary>A user viewing or managing their own account.</summary>
    Account,

    /// <summary>An owner or manager managing the team (listing its members).</summary>
    TeamManagement,

    /// <summary>A platform staff member supporting the merchant, under an active access grant.</summary>
    StaffSupport,

    /// <summary>The store owner fetching a customer's data-request package to send it to the customer.</summary>
    DataRequest,
}
