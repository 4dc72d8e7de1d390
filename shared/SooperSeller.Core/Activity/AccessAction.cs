namespace SooperSeller.Core.Activity;

/// <summary>What a caller did with personal data (ASVS 16.2: read, export, update, delete).</summary>
public enum AccessAction
{
    Read,
    Export,
    Update,
    Delete,
}
