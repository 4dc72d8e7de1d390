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
        services.AddTransient<LoginHandler>();
        services.AddTransient<GetMeHandler>();
        services.AddTransient<SweepRegistrationsHandler>();
        return services;
    }
}
