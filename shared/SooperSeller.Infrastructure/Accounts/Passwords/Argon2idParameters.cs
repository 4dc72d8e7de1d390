namespace SooperSeller.Infrastructure.Accounts.Passwords;

/// <summary>Argon2id cost parameters: memory in KiB, passes, lanes.</summary>
internal readonly record struct Argon2idParameters(int MemoryKiB, int Iterations, int Parallelism)
{
    /// <summary>True when a hash made with these parameters should be remade with <paramref name="current"/>.</summary>
    public bool IsWeakerThan(Argon2idParameters current) =>
        MemoryKiB < current.MemoryKiB || Iterations < current.Iterations || Parallelism != current.Parallelism;
}
