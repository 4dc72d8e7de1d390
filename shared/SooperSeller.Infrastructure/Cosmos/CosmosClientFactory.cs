using Azure.Identity;
using Microsoft.Azure.Cosmos;

namespace SooperSeller.Infrastructure.Cosmos;

#pragma warning disable RS0030 // The tenant data base is the one place that may touch CosmosClient.

/// <summary>Builds the process's single <see cref="CosmosClient"/>.</summary>
internal static class CosmosClientFactory
{
    public static CosmosClient Create(CosmosOptions options)
    {
        var endpoint = options.Endpoint ?? throw new InvalidOperationException("Cosmos:Endpoint is not configured.");
        var clientOptions = new CosmosClientOptions
        {
            ApplicationName = "SooperSeller",
            UseSystemTextJsonSerializerWithOptions = CosmosJson.Options,
            // 429s are retried by the SDK (honouring x-ms-retry-after-ms); 408/503 by TenantContainer's pipeline.
            MaxRetryAttemptsOnRateLimitedRequests = 9,
            MaxRetryWaitTimeOnRateLimitedRequests = TimeSpan.FromSeconds(30),
            EnableContentResponseOnWrite = true,
        };

        if (options.UseGateway)
        {
            clientOptions.ConnectionMode = ConnectionMode.Gateway;
            clientOptions.LimitToEndpoint = true;
        }

        return string.IsNullOrEmpty(options.Key)
            ? new CosmosClient(endpoint.ToString(), new DefaultAzureCredential(), clientOptions)
            : new CosmosClient(endpoint.ToString(), options.Key, clientOptions);
    }
}
