using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SooperSeller.Core.Accounts.Passwords;
using SooperSeller.Infrastructure.Accounts.Passwords;

namespace SooperSeller.UnitTests.Accounts.Passwords;

public class PasswordServicesTests
{
    [Fact]
    public void AddPasswords_NoConfiguration_HashesAtTheAsvsParameters()
    {
        using var provider = Provider([]);

        var options = provider.GetRequiredService<IOptions<Argon2idOptions>>().Value;
        var policy = provider.GetRequiredService<PasswordPolicy>();

        Assert.Equal((19456, 2, 1), (options.MemoryKiB, options.Iterations, options.Parallelism));
        Assert.IsType<Argon2idPasswordHasher>(provider.GetRequiredService<IPasswordHasher>());
        Assert.Equal(PasswordReasons.Breached, policy.Check("qwerty123456", PasswordAudience.Merchant, null, null).Reason);
    }

    [Fact]
    public void AddPasswords_MemoryBelow19MiB_RefusedAtStartup()
    {
        using var provider = Provider(new() { ["Passwords:Argon2id:MemoryKiB"] = "4096" });

        var resolve = () => provider.GetRequiredService<IOptions<Argon2idOptions>>().Value;

        var error = Assert.Throws<OptionsValidationException>(resolve);
        Assert.Contains("MemoryKiB", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddPasswords();
        return services.BuildServiceProvider();
    }
}
