// The Function App on a Flex Consumption plan: .NET 10 isolated worker, system-assigned managed identity, no keys
// or connection strings to storage, Cosmos DB or Key Vault; secrets arrive as Key Vault references.

param location string
param tags object
param planName string
param appName string
param storageAccountName string
param deploymentContainerName string

@description('Always-ready instances for the HTTP trigger group: Shopify gives a webhook 5 seconds, a cold start must not eat them.')
@minValue(1)
param alwaysReadyHttpInstances int

param maximumInstanceCount int

@allowed([
  2048
  4096
])
param instanceMemoryMB int = 2048

param appInsightsName string
param cosmosEndpoint string
param cosmosDatabase string
param keyVaultUri string
param shopifyApiSecretName string
param shopifyPreviousApiSecretName string
param frontendOrigins string
param shopifyApiKey string
param shopifyAppUrl string

param smtpHost string
param smtpPort int
param smtpUser string
param smtpFrom string
param smtpPasswordSecretName string

@description('Shopify Admin API version the app speaks (the pinned schema, architecture D6).')
param shopifyApiVersion string = '2026-10'

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-11-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    // Data in transit is encrypted (privacy policy, "Security").
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      // CORS is the platform's job in Azure (the DevHost does the same from Frontend:Origins): only the front end's
      // origins, with credentials, since the session travels in a cookie.
      cors: {
        allowedOrigins: split(frontendOrigins, ',')
        supportCredentials: true
      }
      appSettings: [
        // Identity-based storage connection: no connection string, no account key (shared keys are disabled).
        {
          name: 'AzureWebJobsStorage__blobServiceUri'
          value: storage.properties.primaryEndpoints.blob
        }
        {
          name: 'AzureWebJobsStorage__queueServiceUri'
          value: storage.properties.primaryEndpoints.queue
        }
        {
          name: 'AzureWebJobsStorage__tableServiceUri'
          value: storage.properties.primaryEndpoints.table
        }
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        // Entra ID for telemetry (Application Insights refuses unauthenticated ingestion, monitoring.bicep).
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'Authorization=AAD'
        }
        {
          name: 'Cosmos__Endpoint'
          value: cosmosEndpoint
        }
        {
          name: 'Cosmos__Database'
          value: cosmosDatabase
        }
        {
          name: 'KeyVault__Uri'
          value: keyVaultUri
        }
        {
          name: 'Frontend__Origins'
          value: frontendOrigins
        }
        {
          name: 'Shopify__ApiKey'
          value: shopifyApiKey
        }
        // Secrets stay in Key Vault; the platform resolves these references with the app's identity.
        {
          name: 'Shopify__ApiSecret'
          value: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${shopifyApiSecretName}/)'
        }
        {
          name: 'Shopify__PreviousApiSecret'
          value: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${shopifyPreviousApiSecretName}/)'
        }
        {
          name: 'Shopify__ApiVersion'
          value: shopifyApiVersion
        }
        {
          name: 'Shopify__AppUrl'
          value: shopifyAppUrl
        }
        {
          name: 'Email__Smtp__Host'
          value: smtpHost
        }
        {
          name: 'Email__Smtp__Port'
          value: string(smtpPort)
        }
        {
          name: 'Email__Smtp__User'
          value: smtpUser
        }
        {
          name: 'Email__Smtp__Password'
          value: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${smtpPasswordSecretName}/)'
        }
        {
          name: 'Email__Smtp__From'
          value: smtpFrom
        }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        alwaysReady: [
          {
            name: 'http'
            instanceCount: alwaysReadyHttpInstances
          }
        ]
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// No FTP and no basic-auth deployments: publishing goes through Entra ID.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = app.name
output principalId string = app.identity.principalId
output defaultHostName string = app.properties.defaultHostName
