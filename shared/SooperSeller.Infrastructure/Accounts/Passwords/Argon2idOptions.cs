using System.ComponentModel.DataAnnotations;

namespace SooperSeller.Infrastructure.Accounts.Passwords;

/// <summary>
/// Argon2id parameters for new hashes (section <c>Passwords:Argon2id</c>). The defaults are ASVS 5.0 Appendix C's and
/// OWASP's first choice (m = 19 MiB, t = 2, p = 1); nothing weaker is accepted. Raising them upgrades each stored hash at
/// its owner's next sign-in.
/// </summary>
public sealed class Argon2idOptions
{
    public const string SectionName = "Passwords:Argon2id";

    public const int MinimumMemoryKiB = 19 * 1024;

    public const int MinimumIterations = 2;

    /// <summary>Memory per hash in KiB; at most 1 GiB.</summary>
    [Range(MinimumMemoryKiB, Argon2idHash.MaximumMemoryKiB)]
    public int MemoryKiB { get; set; } = MinimumMemoryKiB;

    /// <summary>Passes over the memory.</summary>
    [Range(MinimumIterations, Argon2idHash.MaximumIterations)]
    public int Iterations { get; set; } = MinimumIterations;

    /// <summary>Lanes. ASVS and OWASP give the memory floor for one lane; more lanes add no cost for an attacker.</summary>
    [Range(1, Argon2idHash.MaximumParallelism)]
    public int Parallelism { get; set; } = 1;
}
