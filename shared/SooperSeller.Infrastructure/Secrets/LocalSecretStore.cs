using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SooperSeller.Core.Secrets;

namespace SooperSeller.Infrastructure.Secrets;

/// <summary>
/// The secret store off Azure: one JSON file of AES-256-GCM ciphertexts (12-byte nonce, 16-byte tag, the secret's name
/// as associated data, so an entry moved to another name fails too) and a 256-bit key file readable by the owner only
/// (mode 0600), both in a directory outside the repository (by default the user's local data directory). Writes replace
/// the file atomically under a cross-process lock. Any tampering is refused with an error that names no value.
/// </summary>
public sealed class LocalSecretStore : ISecretStore, IDisposable
{
    private const string KeyFileName = "secrets.key";
    private const string StoreFileName = "secrets.json";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public LocalSecretStore(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = directory;
    }

    /// <summary>The default place: the user's local data directory, never the repository.</summary>
    public static string DefaultDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "SooperSeller", "secrets");

    public string Directory { get; }

    public string KeyPath => Path.Combine(Directory, KeyFileName);

    public string StorePath => Path.Combine(Directory, StoreFileName);

    public async Task<string?> GetAsync(SecretName name, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var entries = await ReadEntriesAsync(cancellationToken);
            return entries.TryGetValue(name.Value, out var sealedValue) ? Open(name, sealedValue, await ReadOrCreateKeyAsync(cancellationToken)) : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task SetAsync(SecretName name, string value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        return UpdateAsync((entries, key) => entries[name.Value] = Seal(name, value, key), cancellationToken);
    }

    public Task DeleteAsync(SecretName name, CancellationToken cancellationToken) =>
        UpdateAsync((entries, _) => entries.Remove(name.Value), cancellationToken);

    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _ = await ReadOrCreateKeyAsync(cancellationToken);
            _ = await ReadEntriesAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task UpdateAsync(Action<Dictionary<string, string>, byte[]> change, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            await using var fileLock = await AcquireLockAsync(cancellationToken);
            var key = await ReadOrCreateKeyAsync(cancellationToken);
            var entries = await ReadEntriesAsync(cancellationToken);
            change(entries, key);
            var temporary = StorePath + ".tmp";
            await using (var stream = CreateOwnerOnly(temporary, FileMode.Create))
            {
                await JsonSerializer.SerializeAsync(stream, entries, cancellationToken: cancellationToken);
            }

            File.Move(temporary, StorePath, overwrite: true);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Dictionary<string, string>> ReadEntriesAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(StorePath))
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        await using var stream = File.OpenRead(StorePath);
        try
        {
            return await JsonSerializer.DeserializeAsync<Dictionary<string, string>>(stream, cancellationToken: cancellationToken)
                ?? new Dictionary<string, string>(StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            throw new InvalidOperationException($"The local secret store at {StorePath} is damaged (not the JSON it writes).");
        }
    }

    private async Task<byte[]> ReadOrCreateKeyAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(KeyPath))
        {
            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(KeyPath) & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0)
            {
                throw new InvalidOperationException($"The secret store key {KeyPath} is readable by others; make it owner-only (chmod 600) or delete it with the store.");
            }

            var existing = await File.ReadAllBytesAsync(KeyPath, cancellationToken);
            return existing.Length == 32
                ? existing
                : throw new InvalidOperationException($"The secret store key {KeyPath} is not a 256-bit key.");
        }

        if (File.Exists(StorePath))
        {
            throw new InvalidOperationException($"The local secret store at {StorePath} has lost its key {KeyPath}; its secrets cannot be read.");
        }

        System.IO.Directory.CreateDirectory(Directory);
        var key = RandomNumberGenerator.GetBytes(32);
        await using (var stream = CreateOwnerOnly(KeyPath, FileMode.CreateNew))
        {
            await stream.WriteAsync(key, cancellationToken);
        }

        return key;
    }

    private async Task<FileStream> AcquireLockAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(Path.Combine(Directory, "secrets.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    private static string Seal(SecretName name, string value, byte[] key)
    {
        var plaintext = Encoding.UTF8.GetBytes(value);
        var output = new byte[NonceBytes + TagBytes + plaintext.Length];
        var nonce = output.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceBytes + TagBytes), output.AsSpan(NonceBytes, TagBytes), Encoding.UTF8.GetBytes(name.Value));
        CryptographicOperations.ZeroMemory(plaintext);
        return Convert.ToBase64String(output);
    }

    private string Open(SecretName name, string sealedValue, byte[] key)
    {
        try
        {
            var input = Convert.FromBase64String(sealedValue);
            if (input.Length < NonceBytes + TagBytes)
            {
                throw new CryptographicException("too short");
            }

            var plaintext = new byte[input.Length - NonceBytes - TagBytes];
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(input.AsSpan(0, NonceBytes), input.AsSpan(NonceBytes + TagBytes), input.AsSpan(NonceBytes, TagBytes), plaintext, Encoding.UTF8.GetBytes(name.Value));
            return Encoding.UTF8.GetString(plaintext);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            throw new InvalidOperationException($"Secret '{name}' in {StorePath} failed its integrity check: the store was altered or its key replaced.");
        }
    }

    public void Dispose() => _gate.Dispose();

    // Created readable and writable by the owner only (0600); Windows has no such mode and relies on the profile's ACLs.
    private static FileStream CreateOwnerOnly(string path, FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        return new FileStream(path, options);
    }
}
