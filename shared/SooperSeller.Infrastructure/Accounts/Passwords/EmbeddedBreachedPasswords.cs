using System.Text;
using SooperSeller.Core.Accounts.Passwords;

namespace SooperSeller.Infrastructure.Accounts.Passwords;

/// <summary>
/// The 10,000 most common breached passwords, shipped inside this assembly (common-passwords.txt; source and licence
/// in common-passwords.NOTICE.txt). Loaded once, on first use, into a set of lower-case entries.
/// </summary>
public sealed class EmbeddedBreachedPasswords : IBreachedPasswords
{
    internal const string ResourceName = "SooperSeller.Infrastructure.Accounts.Passwords.common-passwords.txt";
    internal const string NoticeResourceName = "SooperSeller.Infrastructure.Accounts.Passwords.common-passwords.NOTICE.txt";

    private static readonly Lazy<HashSet<string>> Passwords = new(() => new HashSet<string>(ReadEntries(), StringComparer.Ordinal));

    public bool Contains(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return Passwords.Value.Contains(password.ToLowerInvariant());
    }

    /// <summary>The list as shipped, in order, one entry per non-empty line.</summary>
    internal static List<string> ReadEntries() =>
        [.. ReadResource(ResourceName).Split('\n').Where(line => line.Length > 0)];

    internal static string ReadResource(string name)
    {
        using var stream = typeof(EmbeddedBreachedPasswords).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
