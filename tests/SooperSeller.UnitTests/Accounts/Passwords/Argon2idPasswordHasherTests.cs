using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using SooperSeller.Core.Accounts.Passwords;
using SooperSeller.Infrastructure.Accounts.Passwords;

namespace SooperSeller.UnitTests.Accounts.Passwords;

public class Argon2idPasswordHasherTests
{
    private const string Password = "correct horse battery staple";

    // Made with the reference implementation (Debian's argon2 1.3 CLI), not with the code under test:
    //   echo -n 'correct horse battery staple' | argon2 saltsaltsalt1234 -id -t 2 -k 256 -p 1 -l 32 -e
    private const string ReferenceHash = "$argon2id$v=19$m=256,t=2,p=1$c2FsdHNhbHRzYWx0MTIzNA$J+g5kai/vKtMPuLtjs1bzuUSyYZAXaaIbLxctiLrzLo";

    // The same for "Pässwört Straße ünïcödé" given in NFC (precomposed) UTF-8.
    private const string ReferenceUnicodeHash = "$argon2id$v=19$m=256,t=2,p=1$c2FsdHNhbHRzYWx0MTIzNA$Qc62UWzZGpF4Z5vMh8JyfJGjNH+IXk+WDDPDnyRufxk";

    // Cheap parameters keep these tests fast; two tests use the production ones.
    private readonly Argon2idPasswordHasher _hasher = new(new Argon2idParameters(MemoryKiB: 256, Iterations: 2, Parallelism: 1));

    [Fact]
    public void Verify_PasswordThatWasHashed_Valid()
    {
        var stored = _hasher.Hash(Password);

        var result = _hasher.Verify(Password, stored);

        Assert.True(result.Valid);
        Assert.False(result.NeedsRehash);
    }

    [Theory]
    [InlineData("correct horse battery stapl")]
    [InlineData("Correct horse battery staple")]
    [InlineData("correct horse battery staple ")]
    [InlineData("")]
    public void Verify_AnyOtherPassword_InvalidWithoutThrowing(string attempt)
    {
        var stored = _hasher.Hash(Password);

        var result = _hasher.Verify(attempt, stored);

        Assert.False(result.Valid);
        Assert.False(result.NeedsRehash);
    }

    [Fact]
    public void Verify_LoneSurrogateAgainstAHashOfTheReplacementCharacter_Invalid()
    {
        // A lone surrogate encodes as U+FFFD; it must not match a password that really contains U+FFFD.
        var stored = _hasher.Hash("mango rain fox \uFFFD");

        var result = _hasher.Verify("mango rain fox \uD83E", stored);

        Assert.False(result.Valid);
    }

    [Fact]
    public void Hash_SamePasswordTwice_DiffersBecauseOfTheSalt()
    {
        var first = _hasher.Hash(Password);

        var second = _hasher.Hash(Password);

        Assert.NotEqual(first, second);
        Assert.True(_hasher.Verify(Password, first).Valid);
        Assert.True(_hasher.Verify(Password, second).Valid);
    }

    [Fact]
    public void Hash_AtProductionParameters_StoresThemAndVerifies()
    {
        var hasher = new Argon2idPasswordHasher(Options.Create(new Argon2idOptions()));

        var stored = hasher.Hash(Password);

        Assert.Matches(@"^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$", stored);
        Assert.Equal(PasswordVerification.Succeeded, hasher.Verify(Password, stored));
    }

    [Fact]
    public void Verify_HashFromTheReferenceImplementation_Valid()
    {
        var result = _hasher.Verify(Password, ReferenceHash);

        Assert.True(result.Valid);
    }

    [Fact]
    public void Verify_DecomposedInputAgainstComposedHash_ValidAfterNfc()
    {
        var decomposed = "Pa\u0308sswo\u0308rt Straße u\u0308ni\u0308co\u0308de\u0301";

        var result = _hasher.Verify(decomposed, ReferenceUnicodeHash);

        Assert.True(result.Valid);
    }

    [Fact]
    public void Verify_HashMadeWithWeakerParameters_ValidAndNeedsRehash()
    {
        var production = new Argon2idPasswordHasher(Options.Create(new Argon2idOptions()));
        var weak = _hasher.Hash(Password);

        var result = production.Verify(Password, weak);
        var wrong = production.Verify("not the password at all", weak);

        Assert.Equal(PasswordVerification.SucceededNeedsRehash, result);
        Assert.False(wrong.Valid);
        Assert.False(wrong.NeedsRehash);
    }

    [Theory]
    [InlineData(1, 2, 1)]
    [InlineData(2, 1, 1)]
    [InlineData(2, 2, 2)]
    [InlineData(4, 2, 1)]
    [InlineData(2, 3, 1)]
    public void Verify_StoredParametersDifferFromCurrent_NeedsRehashWhenWeakerOrOtherLanes(int memoryFactor, int iterations, int parallelism)
    {
        var current = new Argon2idPasswordHasher(new Argon2idParameters(512, 2, 1));
        var other = new Argon2idPasswordHasher(new Argon2idParameters(256 * memoryFactor, iterations, parallelism));
        var weaker = memoryFactor < 2 || iterations < 2 || parallelism != 1;

        var result = current.Verify(Password, other.Hash(Password));

        Assert.True(result.Valid);
        Assert.Equal(weaker, result.NeedsRehash);
    }

    [Fact]
    public void Verify_StrongerStoredParameters_ValidWithoutRehash()
    {
        var stronger = new Argon2idPasswordHasher(new Argon2idParameters(1024, 3, 1));

        var result = _hasher.Verify(Password, stronger.Hash(Password));

        Assert.Equal(PasswordVerification.Succeeded, result);
    }

    [Theory]
    [InlineData("$argon2id$v=19$m=256,t=2,p=1$c2FsdHNhbHRzYWx0MTIzNA$K+g5kai/vKtMPuLtjs1bzuUSyYZAXaaIbLxctiLrzLo")]
    [InlineData("$argon2id$v=19$m=256,t=2,p=1$c2FsdHNhbHRzYWx0MTIzNQ$J+g5kai/vKtMPuLtjs1bzuUSyYZAXaaIbLxctiLrzLo")]
    [InlineData("$argon2id$v=19$m=256,t=3,p=1$c2FsdHNhbHRzYWx0MTIzNA$J+g5kai/vKtMPuLtjs1bzuUSyYZAXaaIbLxctiLrzLo")]
    [InlineData("$argon2id$v=19$m=264,t=2,p=1$c2FsdHNhbHRzYWx0MTIzNA$J+g5kai/vKtMPuLtjs1bzuUSyYZAXaaIbLxctiLrzLo")]
    public void Verify_TamperedHashSaltOrParameters_Invalid(string tampered)
    {
        var result = _hasher.Verify(Password, tampered);

        Assert.False(result.Valid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("correct horse battery staple")]
    [InlineData("$argon2i$v=19$m=256,t=2,p=1$c2FsdHNhbHRzYWx0MTIzNA$J+g5kai/vKtMPuLtjs1bzuUSyYZAXaaIbLxctiLrzLo")]
    [InlineData("$argon2id$v=16$m=256,t=2,p=1$c2FsdHNhbHRzYWx0MTIzNA$J+g5kai/vKtMPuLtjs1bzuUSyYZAXaaIbLxctiLrzLo")]
    [InlineData("$argon2id$m=256,t=2,p=1$c2FsdHNhbHRzYWx0MTIzNA$J+g5kai/vKtMPuLtjs1bzuUSyYZAXaaIbLxctiLrzLo")]
    [InlineData("$argon2id$v=19$t=2,m=256,p=1$c2FsdHNhbHRzYWx0MTIzNA$J+g5kai/vKtMPuLtjs1bzuUSyYZAXaaIbLxctiLrzLo")]
    [InlineData("$argon2id$v=19$m=0,t=2,p=1$c2FsdHNhbHRzYWx0MTIzNA$J+g5kai/vKtMPuLtjs1bzuUSyYZAXaaIbLxctiLrzLo")]
    [InlineData("$argon2id$v=19$m=4194304,t=2,p=1$c2FsdHNhbHRzYWx0MTIzNA$J+g5kai/vKtMPuLtjs1bzuUSyYZAXaaIbLxctiLrzLo")]
    [InlineData("$argon2id$v=19$m=256,t=1000,p=1$c2FsdHNhbHRzYWx0MTIzNA$J+g5kai/vKtMPuLtjs1bzuUSyYZAXaaIbLxctiLrzLo")]
    [InlineData("$argon2id$v=19$m=256,t=2,p=1$c2FsdHNhbHRzYWx0MTIzNA==$J+g5kai/vKtMPuLtjs1bzuUSyYZAXaaIbLxctiLrzLo")]
    [InlineData("$argon2id$v=19$m=256,t=2,p=1$c2FsdH*hbHRzYWx0MTIzNA$J+g5kai/vKtMPuLtjs1bzuUSyYZAXaaIbLxctiLrzLo")]
    [InlineData("$argon2id$v=19$m=256,t=2,p=1$c2FsdHNhbHRzYWx0MTIzNA$J+g5kai/vKtMPuLtjs1bzuUSyYZAXaaIbLxctiLrzLo$")]
    [InlineData("$argon2id$v=19$m=256,t=2,p=1$c2FsdA$J+g5kai/vKtMPuLtjs1bzuUSyYZAXaaIbLxctiLrzLo")]
    public void Verify_StoredValueIsNotAnArgon2idHash_ThrowsFormatExceptionThatDoesNotRepeatIt(string stored)
    {
        Func<object> verify = () => _hasher.Verify(Password, stored);

        var error = Assert.Throws<FormatException>(verify);
        Assert.DoesNotContain("c2FsdH", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_EmptyOrMalformedPassword_RefusedWithoutRepeatingIt()
    {
        var hashEmpty = () => _hasher.Hash(string.Empty);
        var hashLoneSurrogate = () => _hasher.Hash("mango rain fox \uD83E");

        Assert.Throws<ArgumentException>(hashEmpty);
        var error = Assert.Throws<ArgumentException>(hashLoneSurrogate);
        Assert.DoesNotContain("mango", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(19455, 2, 1)]
    [InlineData(19456, 1, 1)]
    [InlineData(19456, 2, 0)]
    public void Constructor_OptionsBelowTheMinimums_Refused(int memoryKiB, int iterations, int parallelism)
    {
        var options = Options.Create(new Argon2idOptions { MemoryKiB = memoryKiB, Iterations = iterations, Parallelism = parallelism });

        var create = () => new Argon2idPasswordHasher(options);

        Assert.Throws<ValidationException>(create);
    }

    [Fact]
    public void VerifyDummy_UnknownEmail_TakesAsLongAsAWrongPassword()
    {
        // Parameters heavy enough (~10 ms) for doing the work or skipping it to show; the two are timed in turns so
        // that load from other tests slows both alike.
        var hasher = new Argon2idPasswordHasher(new Argon2idParameters(MemoryKiB: 4096, Iterations: 2, Parallelism: 1));
        var stored = hasher.Hash(Password);
        hasher.VerifyDummy("warm-up");
        var wrongPassword = new List<double>();
        var unknownEmail = new List<double>();

        for (var round = 0; round < 7; round++)
        {
            wrongPassword.Add(Time(() => hasher.Verify("wrong password", stored)));
            unknownEmail.Add(Time(() => hasher.VerifyDummy("wrong password")));
        }

        Assert.InRange(Median(unknownEmail) / Median(wrongPassword), 1 / 3.0, 3.0);
    }

    private static double Time(Action action)
    {
        var started = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
