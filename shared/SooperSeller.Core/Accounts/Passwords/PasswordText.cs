using System.Buffers;
using System.Text;

namespace SooperSeller.Core.Accounts.Passwords;

/// <summary>
/// How a password's text is read, the same for the policy and the hasher: Unicode Normalization Form C (ASVS 5.0
/// 6.2.x, NIST SP 800-63B: the same password typed on two keyboards may arrive composed or decomposed), and length in
/// code points after normalisation (NIST 800-63B: "each Unicode code point SHALL be counted as a single character").
/// Code points, not grapheme clusters: a family emoji counts as several characters, which only makes a password made
/// of them longer, never lets a shorter one through, and does not depend on the runtime's Unicode tables.
/// </summary>
public static class PasswordText
{
    /// <summary>False when the string holds a lone UTF-16 surrogate: such text cannot be normalised or encoded.</summary>
    public static bool IsWellFormed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out _, out var consumed) != OperationStatus.Done)
            {
                return false;
            }

            rest = rest[consumed..];
        }

        return true;
    }

    /// <summary>The NFC form of a well-formed string.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    /// <summary>The number of code points of the NFC form of a well-formed string.</summary>
    public static int CountCharacters(string text)
    {
        var count = 0;
        foreach (var _ in Normalize(text).EnumerateRunes())
        {
            count++;
        }

        return count;
    }
}
