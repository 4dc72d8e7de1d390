using Azure;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SooperSeller.Core.Secrets;
using SooperSeller.Infrastructure.Secrets;

namespace SooperSeller.UnitTests.Infrastructure.Secrets;

public class KeyVaultSecretStoreTests
{
    private static readonly SecretName Name = new("shopify-app-secret");
    private readonly Mock<SecretClient> _client = new();
    private readonly FakeTimeProvider _time = new();

    public KeyVaultSecretStoreTests() =>
        _client.Setup(c => c.GetSecretAsync(Name.Value, null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => Response.FromValue(new KeyVaultSecret(Name.Value, "v1"), Mock.Of<Response>()));

    [Fact]
    public async Task GetAsync_Twice_ReadsTheVaultOnce()
    {
        var store = new KeyVaultSecretStore(_client.Object, _time);

        var first = await store.GetAsync(Name, CancellationToken.None);
        var second = await store.GetAsync(Name, CancellationToken.None);

        Assert.Equal("v1", first);
        Assert.Equal("v1", second);
        _client.Verify(c => c.GetSecretAsync(Name.Value, null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task GetAsync_AfterTheCacheExpires_ReadsTheVaultAgain()
    {
        var store = new KeyVaultSecretStore(_client.Object, _time);
        await store.GetAsync(Name, CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(6));
        await store.GetAsync(Name, CancellationToken.None);

        _client.Verify(c => c.GetSecretAsync(Name.Value, null, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task SetAsync_DropsTheCachedValue()
    {
        var store = new KeyVaultSecretStore(_client.Object, _time);
        await store.GetAsync(Name, CancellationToken.None);

        await store.SetAsync(Name, "v2", CancellationToken.None);
        await store.GetAsync(Name, CancellationToken.None);

        _client.Verify(c => c.SetSecretAsync(Name.Value, "v2", It.IsAny<CancellationToken>()), Times.Once);
        _client.Verify(c => c.GetSecretAsync(Name.Value, null, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task GetAsync_MissingSecret_IsNull()
    {
        _client.Setup(c => c.GetSecretAsync("absent", null, It.IsAny<CancellationToken>())).ThrowsAsync(new RequestFailedException(404, "not found"));
        var store = new KeyVaultSecretStore(_client.Object, _time);

        Assert.Null(await store.GetAsync(new SecretName("absent"), CancellationToken.None));
    }
}
