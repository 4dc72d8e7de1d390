using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SooperSeller.Infrastructure;

namespace SooperSeller.Functions;

/// <summary>What the function classes need, registered once for both hosts (the Functions app and the DevHost).</summary>
public static class FunctionsAppServices
{
    public static IServiceCollection AddSooperSellerFunctions(this IServiceCollection services, IConfiguration configuration) =>
        services.AddInfrastructure(configuration);
}
