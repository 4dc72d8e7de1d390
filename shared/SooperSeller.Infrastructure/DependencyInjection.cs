using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.SignUp;
using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Infrastructure.Accounts;
using SooperSeller.Core.Secrets;
using SooperSeller.Infrastructure.Accounts.Passwords;
using SooperSeller.Infrastructure.Accounts.Sessions;
using SooperSeller.Infrastructure.Cosmos;
using SooperSeller.Infrastructure.Health;
using SooperSeller.Infrastructure.Orders;
using SooperSeller.Infrastructure.Secrets;
using SooperSeller.Infrastructure.Storage;
using SooperSeller.Infrastructure.Stores.Backfill;

namespace SooperSeller.Infrastructure;

public static class DependencyInjection
{
    /// <summary>How long one dependency may take to answer the health probe before it counts as unhealthy.</summary>
    public static readonly TimeSpan HealthCheckTimeout = TimeSpan.FromSeconds(3);

    /// <summary>Registers the adapters both hosts share: Cosmos (the tenant data base), Storage, and their health probes.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<CosmosOptions>()
            .BindConfiguration(CosmosOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<TenantStore>();
        services.AddSingleton(_ => StorageClients.FromConfiguration(configuration));
        services.AddSingleton<PoisonQueueMonitor>();
        services.AddPasswords();
        Notifications.NotificationServices.AddNotifications(services, configuration);
        services.AddOptions<SessionOptions>();
        services.AddSingleton<ISessionStore, TableSessionStore>();
        services.AddSingleton<IEmailLookup, TableEmailLookup>();
        services.AddSingleton<Core.Staff.IStaffAccounts, Staff.TableStaffAccounts>();
        services.AddSingleton<Core.Staff.IStaffSessionStore, Staff.TableStaffSessionStore>();
        services.AddSingleton<Core.Staff.ITotp, Staff.OtpNetTotp>();
        services.AddSingleton<Core.Staff.IAccessGrants, Staff.TableAccessGrants>();
        services.AddSingleton<IPendingRegistrations, TablePendingRegistrations>();
        services.AddSingleton<Core.Accounts.Team.IInvitations, TableInvitations>();
        services.AddSingleton<Core.Accounts.PasswordReset.IPasswordResets, TablePasswordResets>();
        services.AddSingleton<Core.Accounts.Throttling.IThrottle, Accounts.Throttling.TableThrottle>();
        services.AddSingleton<KeyedStateSweep>();
        services.AddSingleton<BlobRetentionSweep>();
        services.AddSingleton<IMerchantDirectory, CosmosMerchantDirectory>();
        services.AddSingleton<Core.Accounts.Preferences.IPreferencesStore, CosmosPreferencesStore>();
        services.AddSingleton<Core.Stores.IStores, Stores.CosmosStores>();
        services.AddSingleton<Core.Stores.IShopDirectory, Stores.TableShopDirectory>();
        services.AddSingleton<Core.Stores.IOAuthStates, Stores.TableOAuthStates>();
        services.AddSingleton<Core.Stores.IStoreWork, Stores.QueueStoreWork>();
        services.AddSingleton<Core.Stores.Webhooks.IWebhookClaimChecks, Stores.Webhooks.BlobWebhookClaimChecks>();
        services.AddSingleton<Core.Stores.Webhooks.IWebhookEventLog, Stores.Webhooks.TableWebhookEvents>();
        services.AddSingleton<Core.Stores.Webhooks.IShopifyWebhookInbox, Stores.Webhooks.QueueShopifyWebhooks>();
        services.AddOrderSync();
        services.AddBackfill();
        services.AddSingleton<Core.Privacy.IComplianceRequests, Privacy.CosmosComplianceRequests>();
        services.AddSingleton<Core.Privacy.IDataRequestPackages, Privacy.BlobDataRequestPackages>();
        services.AddSingleton<Core.Privacy.IWebhookPayloadPurge, Privacy.BlobWebhookPayloadPurge>();
        SooperSeller.Shopify.DependencyInjection.AddShopify(services, configuration);
        services.AddSingleton<Shopify.ShopifyTokenCipher>();
        services.AddTransient<Shopify.TableShopifyTokens>();
        services.AddTransient<SooperSeller.Shopify.IShopifyTokenStore>(provider => provider.GetRequiredService<Shopify.TableShopifyTokens>());
        services.AddTransient<SooperSeller.Shopify.IShopifyAccessTokens>(provider => provider.GetRequiredService<Shopify.TableShopifyTokens>());
        services.AddTransient<Core.Stores.IShopifyGateway, SooperSeller.Shopify.Stores.ShopifyStoreGateway>();
        services.AddSingleton<SooperSeller.Core.Activity.IUsageLog, Activity.CosmosUsageLog>();
        services.AddSingleton<SooperSeller.Core.Activity.IAccessLog, Activity.CosmosAccessLog>();
        services.AddSingleton<SooperSeller.Core.Activity.IAuditLog, Activity.CosmosAuditLog>();
        services.AddSingleton(provider => CreateSecretStore(configuration, provider.GetRequiredService<TimeProvider>()));

        services.AddHealthChecks()
            .AddCheck<CosmosHealthCheck>("cosmos", timeout: HealthCheckTimeout)
            .AddCheck<BlobHealthCheck>("blob", timeout: HealthCheckTimeout)
            .AddCheck<QueueHealthCheck>("queue", timeout: HealthCheckTimeout)
            .AddCheck<TableHealthCheck>("table", timeout: HealthCheckTimeout)
            .AddCheck<SecretsHealthCheck>("secrets", timeout: HealthCheckTimeout);
        return services;
    }

    // Key Vault when KeyVault:Uri is set; otherwise the local encrypted store, which is refused on Azure (App Service
    // and Functions set WEBSITE_INSTANCE_ID) so that a missing setting can never put secrets on a worker's disk.
    public static ISecretStore CreateSecretStore(IConfiguration configuration, TimeProvider time)
    {
        if (Uri.TryCreate(configuration["KeyVault:Uri"], UriKind.Absolute, out var vaultUri))
        {
            return new KeyVaultSecretStore(vaultUri, time);
        }

        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WEBSITE_INSTANCE_ID")))
        {
            throw new InvalidOperationException("KeyVault:Uri is required in Azure; the local secret store is for development machines only.");
        }

        return new LocalSecretStore(configuration["Secrets:LocalDirectory"] is { Length: > 0 } directory ? directory : LocalSecretStore.DefaultDirectory);
    }
}
