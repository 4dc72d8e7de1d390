using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SooperSeller.Functions;
using SooperSeller.Functions.Http;
using SooperSeller.Functions.Http.Auth;

// Composition only: everything the functions need is registered in FunctionsAppServices, shared with the DevHost.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<UsageMiddleware>();
builder.UseMiddleware<ProblemDetailsMiddleware>();
builder.UseMiddleware<RequestBodyLimitMiddleware>();
builder.UseMiddleware<AuthenticationMiddleware>();
builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();
builder.Services.AddSooperSellerFunctions(builder.Configuration);
await builder.Build().RunAsync();
