using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace SooperSeller.Infrastructure.Storage;

/// <summary>
/// Blob, queue and table clients for the account <c>AzureWebJobsStorage</c> names: a connection string locally
/// (Azurite), or in Azure the identity-based form (<c>AzureWebJobsStorage__blobServiceUri</c>, <c>__queueServiceUri</c>,
/// <c>__tableServiceUri</c>) with the app's managed identity, since shared keys are disabled there.
/// </summary>
public sealed class StorageClients
{
    public const string SettingName = "AzureWebJobsStorage";

    public StorageClients(BlobServiceClient blobs, QueueServiceClient queues, TableServiceClient tables)
    {
        Blobs = blobs;
        Queues = queues;
        Tables = tables;
    }

    public BlobServiceClient Blobs { get; }

    /// <summary>Queue clients encode messages as base64, as the Functions queue trigger expects.</summary>
    public QueueServiceClient Queues { get; }

    public TableServiceClient Tables { get; }

    public static StorageClients FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        var connectionString = configuration[SettingName];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return FromConnectionString(connectionString);
        }

        var section = configuration.GetSection(SettingName);
        TokenCredential credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = section["clientId"],
        });
        return new StorageClients(
            new BlobServiceClient(RequiredUri(section, "blobServiceUri"), credential),
            new QueueServiceClient(RequiredUri(section, "queueServiceUri"), credential, queueOptions),
            new TableServiceClient(RequiredUri(section, "tableServiceUri"), credential));
    }

    public static StorageClients FromConnectionString(string connectionString) =>
        new(
            new BlobServiceClient(connectionString),
            new QueueServiceClient(connectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }),
            new TableServiceClient(connectionString));

    private static Uri RequiredUri(IConfigurationSection section, string key) =>
        Uri.TryCreate(section[key], UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException(
                $"Storage is not configured: set {SettingName} to a connection string, or {SettingName}__{key} (with blobServiceUri, queueServiceUri and tableServiceUri) for identity-based access.");
}
