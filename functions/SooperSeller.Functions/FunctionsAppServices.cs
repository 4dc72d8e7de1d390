using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.SignIn;
using SooperSeller.Core.Accounts.SignUp;
using SooperSeller.Functions.Accounts;
using SooperSeller.Functions.Http;
using SooperSeller.Functions.Http.Auth;
using SooperSeller.Infrastructure;

namespace SooperSeller.Functions;

/// <summary>What the function classes need, registered once for both hosts (the Functions app and the DevHost).</summary>
public static class FunctionsAppServices
{
    public static IServiceCollection AddSooperSellerFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddInfrastructure(configuration);
        services.AddOptions<FrontendOptions>().BindConfiguration(FrontendOptions.SectionName);
        services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
        services.AddSingleton<RequestAuthenticator>();
        services.AddSingleton<IAccountLinks, AccountLinks>();
        services.AddTransient<RegisterHandler>();
        services.AddTransient<VerifyHandler>();
        services.AddTransient<SooperSeller.Core.Accounts.Team.InvitationsHandler>();
        services.AddTransient<SooperSeller.Core.Accounts.Team.AcceptInvitationHandler>();
        services.AddTransient<SooperSeller.Core.Accounts.Team.TeamHandler>();
        services.AddTransient<LoginHandler>();
        services.AddTransient<SwitchMerchantHandler>();
        services.AddTransient<SooperSeller.Core.Staff.StaffLoginHandler>();
        services.AddTransient<SooperSeller.Core.Staff.CreateStaffHandler>();
        services.AddTransient<SooperSeller.Core.Accounts.PasswordReset.RequestPasswordResetHandler>();
        services.AddTransient<SooperSeller.Core.Accounts.PasswordReset.ConfirmPasswordResetHandler>();
        services.AddTransient<SooperSeller.Core.Accounts.Passwords.ChangePasswordHandler>();
        services.AddTransient<SooperSeller.Core.Accounts.TwoStep.TwoStepHandler>();
        services.AddTransient<SooperSeller.Core.Accounts.Sessions.MySessionsHandler>();
        services.AddTransient<GetMeHandler>();
        services.AddTransient<SooperSeller.Core.Accounts.Preferences.PreferencesHandler>();
        services.AddTransient<SooperSeller.Core.Accounts.Closure.CloseAccountHandler>();
        services.AddSingleton<Activity.PersonalDataAccess>();
        services.AddSingleton<Activity.AuditTrail>();
        services.AddSingleton<Staff.StaffActivity>();
        services.AddTransient<SweepRegistrationsHandler>();
        services.AddTransient<SooperSeller.Core.Stores.StoreConnectionHandler>();
        services.AddTransient<SooperSeller.Core.Stores.DisconnectStoreHandler>();
        services.AddTransient<SooperSeller.Core.Stores.StoreSetupHandler>();
        SooperSeller.Infrastructure.Stores.Sync.IncrementalSyncServices.AddIncrementalSync(services);
        services.AddTransient<SooperSeller.Core.Stores.Webhooks.ShopifyWebhookIngestion>();
        services.AddTransient<SooperSeller.Core.Stores.Webhooks.ShopifyWebhookProcessor>();
        services.AddTransient<SooperSeller.Core.Stores.Webhooks.IShopifyWebhookHandler, SooperSeller.Core.Stores.Webhooks.AppUninstalledHandler>();
        services.AddTransient<SooperSeller.Core.Stores.Webhooks.IShopifyWebhookHandler, SooperSeller.Core.Privacy.ShopifyComplianceHandler>();
        services.AddSingleton<Stores.StoreCallers>();
        services.AddSingleton<Stores.StoreLinks>();
        return services;
    }
}
