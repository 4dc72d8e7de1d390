using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using SooperSeller.Infrastructure.Accounts.Passwords;

namespace SooperSeller.Benchmarks.Accounts;

/// <summary>
/// One password hash and one verification at the production Argon2id parameters (m = 19 MiB, t = 2, p = 1): what
/// sign-up and sign-in cost in CPU time and memory. VerifyDummy (unknown email) should cost the same as Verify.
/// </summary>
[MemoryDiagnoser]
public class PasswordHashingBenchmarks
{
    private const string Password = "correct horse battery staple";
    private readonly Argon2idPasswordHasher _hasher = new(Options.Create(new Argon2idOptions()));
    private string _stored = string.Empty;

    [GlobalSetup]
    public void Setup() => _stored = _hasher.Hash(Password);

    [Benchmark(Description = "Hash (m=19456,t=2,p=1)")]
    public string Hash() => _hasher.Hash(Password);

    [Benchmark(Description = "Verify, right password")]
    public bool Verify() => _hasher.Verify(Password, _stored).Valid;

    [Benchmark(Description = "VerifyDummy (unknown email)")]
    public void VerifyDummy() => _hasher.VerifyDummy(Password);
}
