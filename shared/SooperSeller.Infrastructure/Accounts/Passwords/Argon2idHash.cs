using System.Globalization;

namespace SooperSeller.Infrastructure.Accounts.Passwords;

/// <summary>
/// A stored Argon2id hash in the PHC string format the reference implementation writes and reads:
/// <c>$argon2id$v=19$m=19456,t=2,p=1$&lt;salt&gt;$&lt;hash&gt;</c>, salt and hash in unpadded standard base64.
/// Parsing is strict and bounded, so a corrupted or hostile stored value cannot ask for absurd work.
/// </summary>
internal sealed record Argon2idHash(Argon2idParameters Parameters, byte[] Salt, byte[] Hash)
{
    public const int MaximumMemoryKiB = 1024 * 1024;

    public const int MaximumIterations = 16;

    public const int MaximumParallelism = 16;

    private const string Prefix = "$argon2id$v=19$";
    private const int MinimumSaltBytes = 8;
    private const int MaximumSaltBytes = 64;
    private const int MinimumHashBytes = 16;
    private const int MaximumHashBytes = 64;
    private const string Malformed = "The stored password hash is not an Argon2id (v=19) PHC string this hasher accepts.";

    public static Argon2idHash Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new FormatException(Malformed);
        }

        var fields = value[Prefix.Length..].Split('$');
        if (fields.Length != 3)
        {
            throw new FormatException(Malformed);
        }

        var costs = fields[0].Split(',');
        if (costs.Length != 3)
        {
            throw new FormatException(Malformed);
        }

        var parameters = new Argon2idParameters(
            Number(costs[0], "m=", MaximumMemoryKiB),
            Number(costs[1], "t=", MaximumIterations),
            Number(costs[2], "p=", MaximumParallelism));
        if (parameters.MemoryKiB < 8 * parameters.Parallelism)
        {
            throw new FormatException(Malformed);
        }

        return new Argon2idHash(
            parameters,
            Bytes(fields[1], MinimumSaltBytes, MaximumSaltBytes),
            Bytes(fields[2], MinimumHashBytes, MaximumHashBytes));
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Prefix}m={Parameters.MemoryKiB},t={Parameters.Iterations},p={Parameters.Parallelism}${Base64(Salt)}${Base64(Hash)}");

    private static int Number(string field, string name, int maximum)
    {
        var digits = field.StartsWith(name, StringComparison.Ordinal) ? field[name.Length..] : string.Empty;
        if (digits.Length is 0 or > 10 || digits[0] == '0'
            || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number < 1 || number > maximum)
        {
            throw new FormatException(Malformed);
        }

        return number;
    }

    private static byte[] Bytes(string field, int minimum, int maximum)
    {
        var padded = (field.Length % 4) switch
        {
            0 => field,
            2 => field + "==",
            3 => field + "=",
            _ => null,
        };
        var buffer = new byte[maximum + 3];
        if (padded is null || field.Contains('=', StringComparison.Ordinal)
            || !Convert.TryFromBase64String(padded, buffer, out var length)
            || length < minimum || length > maximum)
        {
            throw new FormatException(Malformed);
        }

        var bytes = buffer[..length];
        if (!string.Equals(Base64(bytes), field, StringComparison.Ordinal))
        {
            throw new FormatException(Malformed); // non-canonical trailing bits or whitespace
        }

        return bytes;
    }

    private static string Base64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');
}
