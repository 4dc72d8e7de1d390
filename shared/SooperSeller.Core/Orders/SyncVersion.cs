using System.Security.Cryptography;
using System.Text.Json;

namespace SooperSeller.Core.Orders;

/// <summary>
/// Where a Shopify event stands in the one total order every delivery order converges on. The latest event wins:
/// <list type="number">
/// <item>the later time wins (<c>updated_at</c> of a create/update/cancel payload; the trigger time of a delete);</item>
/// <item>at equal times a delete beats content (a create or update with <c>updated_at</c> ≤ the delete time cannot resurrect);</item>
/// <item>between two contents with equal <c>updated_at</c>, the greater <see cref="ContentHash"/> (SHA-256 of the mapped
/// Shopify-owned content, hex, ordinal) wins; an equal hash is the same content, a duplicate.</item>
/// </list>
/// Being a total order over the events themselves, the stored result depends only on which events arrived, not when.
/// </summary>
public readonly record struct SyncVersion(DateTimeOffset At, bool IsDelete, string? ContentHash)
{
    public static SyncVersion Content(DateTimeOffset updatedAt, string contentHash) => new(updatedAt, false, contentHash);

    public static SyncVersion Delete(DateTimeOffset deletedAt) => new(deletedAt, true, null);

    /// <summary>True when this event should replace what <paramref name="stored"/> (null: nothing yet) came from.</summary>
    public bool Supersedes(SyncVersion? stored)
    {
        if (stored is not { } other)
        {
            return true;
        }

        var byTime = At.CompareTo(other.At);
        if (byTime != 0)
        {
            return byTime > 0;
        }

        if (IsDelete != other.IsDelete)
        {
            return IsDelete;
        }

        return !IsDelete && string.CompareOrdinal(ContentHash, other.ContentHash) > 0;
    }

    /// <summary>SHA-256 (hex) of the content's JSON with default options: stable across processes for the same content.</summary>
    public static string HashOf<T>(T content)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(content);
        return Convert.ToHexStringLower(SHA256.HashData(json));
    }
}
