using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SooperSeller.Core.Accounts.Passwords;

namespace SooperSeller.Infrastructure.Accounts.Passwords;

public static class PasswordServiceCollectionExtensions
{
    /// <summary>
    /// Registers the password policy, the Argon2id hasher (options from <c>Passwords:Argon2id</c>, refused at start-up
    /// when below the minimums) and the embedded breached-password list.
    /// </summary>
    public static IServiceCollection AddPasswords(this IServiceCollection services)
    {
        services.AddOptions<Argon2idOptions>()
            .BindConfiguration(Argon2idOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<IPasswordHasher, Argon2idPasswordHasher>();
        services.TryAddSingleton<IBreachedPasswords, EmbeddedBreachedPasswords>();
        services.TryAddSingleton<PasswordPolicy>();
        return services;
    }
}
