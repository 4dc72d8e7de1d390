using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;
using Microsoft.Extensions.Options;
using SooperSeller.Core.Accounts.Passwords;

namespace SooperSeller.Infrastructure.Accounts.Passwords;

/// <summary>
/// Argon2id (RFC 9106, version 0x13) through Konscious.Security.Cryptography.Argon2, stored as PHC strings
/// (<see cref="Argon2idHash"/>): 16-byte random salt, 32-byte tag, the parameters of <see cref="Argon2idOptions"/>.
/// Verification uses the parameters stored with each hash and asks for a rehash when they are weaker than today's.
/// </summary>
public sealed class Argon2idPasswordHasher : IPasswordHasher
{
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly Argon2idParameters _current;
    private readonly Argon2idHash _dummy;

    public Argon2idPasswordHasher(IOptions<Argon2idOptions> options)
        : this(Validated(options))
    {
    }

    /// <summary>Any parameters, below the minimums too: for tests that need cheap or deliberately weak hashes.</summary>
    internal Argon2idPasswordHasher(Argon2idParameters parameters)
    {
        _current = parameters;
        _dummy = new Argon2idHash(parameters, RandomNumberGenerator.GetBytes(SaltBytes), RandomNumberGenerator.GetBytes(HashBytes));
    }

    public string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length == 0 || !PasswordText.IsWellFormed(password))
        {
            // The policy refuses both before anything is hashed; the message names no part of the password.
            throw new ArgumentException("Only a non-empty, well-formed password can be hashed.", nameof(password));
        }

        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var encoded = Utf8.GetBytes(PasswordText.Normalize(password));
        try
        {
            return new Argon2idHash(_current, salt, Derive(encoded, salt, _current, HashBytes)).ToString();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(encoded);
        }
    }

    public PasswordVerification Verify(string password, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(storedHash);
        var stored = Argon2idHash.Parse(storedHash);
        if (!Matches(password, stored))
        {
            return PasswordVerification.Failed;
        }

        var weaker = stored.Parameters.IsWeakerThan(_current) || stored.Salt.Length < SaltBytes || stored.Hash.Length < HashBytes;
        return weaker ? PasswordVerification.SucceededNeedsRehash : PasswordVerification.Succeeded;
    }

    public void VerifyDummy(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        _ = Matches(password, _dummy);
    }

    // Every attempt does the full derivation, also for passwords that can never match (empty, lone surrogates), so
    // that no input answers faster than another.
    private static bool Matches(string password, Argon2idHash stored)
    {
        var wellFormed = PasswordText.IsWellFormed(password);
        var encoded = Utf8.GetBytes(wellFormed ? PasswordText.Normalize(password) : password);
        var usable = wellFormed && encoded.Length > 0;
        var input = encoded.Length > 0 ? encoded : new byte[1]; // the library refuses an empty password
        try
        {
            var computed = Derive(input, stored.Salt, stored.Parameters, stored.Hash.Length);
            return CryptographicOperations.FixedTimeEquals(computed, stored.Hash) && usable;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(input);
        }
    }

    private static byte[] Derive(byte[] password, byte[] salt, Argon2idParameters parameters, int length)
    {
        using var argon2 = new Argon2id(password)
        {
            Salt = salt,
            MemorySize = parameters.MemoryKiB,
            Iterations = parameters.Iterations,
            DegreeOfParallelism = parameters.Parallelism,
        };
        return argon2.GetBytes(length);
    }

    private static Argon2idParameters Validated(IOptions<Argon2idOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        Validator.ValidateObject(value, new ValidationContext(value), validateAllProperties: true);
        return new Argon2idParameters(value.MemoryKiB, value.Iterations, value.Parallelism);
    }
}
