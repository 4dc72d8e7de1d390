using SooperSeller.Core.Staff;
using SooperSeller.Infrastructure;
using SooperSeller.Infrastructure.Accounts.Passwords;
using SooperSeller.Infrastructure.Staff;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.DevHost.Hosting;

/// <summary>
/// <c>create-staff &lt;email&gt;</c>: creates a platform staff account. The password comes from the environment variable
/// <c>SOOPERSELLER_STAFF_PASSWORD</c> when set (scripts), else from the first line of standard input; it is never an
/// argument (arguments show in process lists and shell history). Prints the <c>otpauth://</c> URI once, for an
/// authenticator app: it is the only time the TOTP secret is shown.
/// </summary>
public static class StaffBootstrap
{
    public const string PasswordVariable = "SOOPERSELLER_STAFF_PASSWORD";

    /// <summary>Storage from <c>AzureWebJobsStorage</c>, else the running DevHost's Azurite; secrets from <c>KeyVault:Uri</c>, else the DevHost's local store.</summary>
    public static async Task<int> MainAsync(string[] args, IConfiguration configuration, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        if (args.Length < 2 || args[1].StartsWith('-'))
        {
            await output.WriteLineAsync($"usage: create-staff <email>   (password from ${PasswordVariable} or the first line of stdin)");
            return 2;
        }

        StorageClients storage;
        if (!string.IsNullOrWhiteSpace(configuration[StorageClients.SettingName]) || !string.IsNullOrWhiteSpace(configuration[$"{StorageClients.SettingName}:tableServiceUri"]))
        {
            storage = StorageClients.FromConfiguration(configuration);
        }
        else if (File.Exists(LocalState.RunningStoragePath))
        {
            storage = StorageClients.FromConnectionString((await File.ReadAllTextAsync(LocalState.RunningStoragePath, cancellationToken)).Trim());
        }
        else
        {
            await output.WriteLineAsync("No storage: set AzureWebJobsStorage, or start the DevHost first (its Azurite lives only while it runs).");
            return 2;
        }

        var secretsConfiguration = string.IsNullOrEmpty(configuration["Secrets:LocalDirectory"])
            ? new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection([new("Secrets:LocalDirectory", Path.Combine(LocalState.Ensure(), "secrets"))]).Build()
            : configuration;
        var password = Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } fromVariable ? fromVariable : await input.ReadLineAsync(cancellationToken);
        await storage.Tables.CreateTableIfNotExistsAsync(TableStaffAccounts.TableName, cancellationToken);
        var created = await NewHandler(storage, DependencyInjection.CreateSecretStore(secretsConfiguration, TimeProvider.System)).HandleAsync(args[1], password, cancellationToken);
        await output.WriteLineAsync($"Created staff account {created.StaffId}. Add this to an authenticator app now; it is not shown again:");
        await output.WriteLineAsync(created.OtpAuthUri);
        return 0;
    }

    /// <summary>The handler the command uses, on the given storage and secret store (tests call this too).</summary>
    public static CreateStaffHandler NewHandler(StorageClients storage, Core.Secrets.ISecretStore secrets) =>
        new(new TableStaffAccounts(storage), new Argon2idPasswordHasher(Microsoft.Extensions.Options.Options.Create(new Argon2idOptions())), new OtpNetTotp(), secrets);
}
