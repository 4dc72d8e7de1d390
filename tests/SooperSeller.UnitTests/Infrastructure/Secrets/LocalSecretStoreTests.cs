using System.Text;
using System.Text.Json;
using SooperSeller.Core.Secrets;
using SooperSeller.Infrastructure.Secrets;

namespace SooperSeller.UnitTests.Infrastructure.Secrets;

public sealed class LocalSecretStoreTests : IDisposable
{
    private const string Value = "leopards-api-password-7f3a9c";
    private static readonly SecretName Name = new("courier-leopards-mer-1");
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sooperseller-secrets-" + Guid.NewGuid().ToString("N"));
    private readonly LocalSecretStore _store;

    public LocalSecretStoreTests() => _store = new LocalSecretStore(_directory);

    public void Dispose()
    {
        _store.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task SetThenGet_FromAnotherInstance_ReturnsTheValue()
    {
        await _store.SetAsync(Name, Value, None);

        using var reopened = new LocalSecretStore(_directory);

        Assert.Equal(Value, await reopened.GetAsync(Name, None));
        Assert.Null(await reopened.GetAsync(new SecretName("never-set"), None));
    }

    [Fact]
    public async Task Delete_RemovesOnlyThatSecret()
    {
        await _store.SetAsync(Name, Value, None);
        await _store.SetAsync(new SecretName("other"), "kept", None);

        await _store.DeleteAsync(Name, None);

        Assert.Null(await _store.GetAsync(Name, None));
        Assert.Equal("kept", await _store.GetAsync(new SecretName("other"), None));
    }

    [Fact]
    public async Task Files_NeverContainThePlaintext()
    {
        await _store.SetAsync(Name, Value, None);

        foreach (var file in Directory.EnumerateFiles(_directory))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.DoesNotContain(Value, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
            Assert.DoesNotContain(Value, Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task KeyAndStore_AreOwnerOnly()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes only");

        await _store.SetAsync(Name, Value, None);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_store.KeyPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_store.StorePath));
        Assert.Equal(32, new FileInfo(_store.KeyPath).Length);
    }

    [Fact]
    public async Task TamperedCiphertext_IsRefusedWithoutNamingTheValue()
    {
        await _store.SetAsync(Name, Value, None);
        var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(_store.StorePath))!;
        var sealedBytes = Convert.FromBase64String(entries[Name.Value]);
        sealedBytes[^1] ^= 0x01;
        entries[Name.Value] = Convert.ToBase64String(sealedBytes);
        await File.WriteAllTextAsync(_store.StorePath, JsonSerializer.Serialize(entries));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _store.GetAsync(Name, None));

        Assert.Contains("integrity", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Value, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntryMovedToAnotherName_IsRefused()
    {
        await _store.SetAsync(Name, Value, None);
        var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(_store.StorePath))!;
        entries["stolen"] = entries[Name.Value];
        await File.WriteAllTextAsync(_store.StorePath, JsonSerializer.Serialize(entries));

        await Assert.ThrowsAsync<InvalidOperationException>(() => _store.GetAsync(new SecretName("stolen"), None));
    }

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task KeyReadableByOthers_IsRefused()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes only");
        await _store.SetAsync(Name, Value, None);
        File.SetUnixFileMode(_store.KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _store.GetAsync(Name, None));

        Assert.Contains("chmod 600", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("under_score")]
    public void SecretName_OutsideKeyVaultsAlphabet_IsRefused(string name)
    {
        Assert.Throws<ArgumentException>(() => new SecretName(name));
    }
}
