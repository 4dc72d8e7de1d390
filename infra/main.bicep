// SooperSeller backend in Azure: one resource group per environment, rg-sooperseller-<env>, holding everything that
// environment uses (Function App, Storage, Cosmos DB, Key Vault, monitoring). Environments share nothing: names derive
// from the environment and a hash of its resource group, so production and development stay strictly separated
// (privacy policy, "Security").
//
// Deploy at subscription scope (the deployment creates the resource group):
//   az deployment sub create --name sooperseller-<env> --location <location> \
//     --template-file infra/main.bicep --parameters infra/environments/<env>.bicepparam
// The deploying principal needs Owner (or Contributor + Role Based Access Control Administrator) on the subscription:
// the template grants the app's managed identity its data roles. After the first deployment, put the Shopify app
// secrets into the vault (names below; whoever sets them needs Key Vault Secrets Officer on that vault, which Owner
// alone does not give), then publish the app package to the Function App named in the outputs.

targetScope = 'subscription'

@description('Environment: names every resource and keeps environments apart.')
@allowed([
  'dev'
  'staging'
  'prod'
])
param environmentName string

@description('Azure region of every resource (one that offers Flex Consumption: az functionapp list-flexconsumption-locations).')
param location string

@description('Where alerts are emailed.')
param alertEmail string

@description('Cosmos DB point-in-time restore window.')
@allowed([
  'Continuous7Days'
  'Continuous30Days'
])
param cosmosBackupTier string

@description('Serverless Cosmos DB (pay per request, for dev and staging) or provisioned autoscale throughput shared by the database (production).')
param cosmosServerless bool

@description('Autoscale ceiling of the database\'s shared throughput, when not serverless.')
@minValue(1000)
param cosmosMaxAutoscaleThroughput int = 1000

@description('Always-ready instances for the HTTP trigger group: Shopify gives a webhook 5 seconds, a cold start must not eat them.')
@minValue(1)
param alwaysReadyHttpInstances int

@description('Scale-out ceiling of the Function App.')
param maximumInstanceCount int = 100

@description('Allowed front-end origins, comma-separated (Frontend:Origins).')
param frontendOrigins string

@description('The Shopify app\'s API key (client id; public, unlike its secret, which lives in Key Vault).')
param shopifyApiKey string

@description('Public base URL of this backend (Shopify:AppUrl).')
param shopifyAppUrl string

@description('5xx responses in 5 minutes above which the 5xx alert fires.')
param http5xxThreshold int = 10

@description('Failed sign-ins in 5 minutes above which the sign-in alert fires.')
param signInFailureThreshold int = 20

@description('SMTP relay for outgoing email (Email:Smtp:Host); the app refuses to start in Azure without one.')
param smtpHost string

@description('SMTP port (587 with STARTTLS).')
param smtpPort int = 587

@description('SMTP user name; its password is the Key Vault secret smtp-password.')
param smtpUser string

@description('Sender address of every email (Email:Smtp:From).')
param smtpFrom string

var tags = {
  application: 'sooperseller'
  environment: environmentName
}

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: 'rg-sooperseller-${environmentName}'
  location: location
  tags: tags
}

// Globally unique names: environment + a hash of the resource group, never shared between environments.
var token = uniqueString(rg.id)
var names = {
  storage: take('stss${environmentName}${token}', 24)
  keyVault: take('kv-ss-${environmentName}-${token}', 24)
  cosmos: 'cosmos-sooperseller-${environmentName}-${token}'
  plan: 'plan-sooperseller-${environmentName}-${token}'
  functionApp: 'func-sooperseller-${environmentName}-${token}'
  logAnalytics: 'log-sooperseller-${environmentName}-${token}'
  appInsights: 'appi-sooperseller-${environmentName}-${token}'
  actionGroup: 'ag-sooperseller-${environmentName}'
}

// The Flex Consumption plan deploys the app package from this blob container.
var deploymentContainerName = 'app-package'

// Key Vault secrets the Function App reads through Key Vault references; set them after the first deployment:
//   az keyvault secret set --vault-name <keyVaultName> --name shopify-api-secret --value <secret>
//   az keyvault secret set --vault-name <keyVaultName> --name shopify-previous-api-secret --value <previous or same>
//   az keyvault secret set --vault-name <keyVaultName> --name smtp-password --value <the SMTP user's password>
var shopifySecretNames = {
  apiSecret: 'shopify-api-secret'
  previousApiSecret: 'shopify-previous-api-secret'
}
var smtpPasswordSecretName = 'smtp-password'

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    location: location
    tags: tags
    logAnalyticsName: names.logAnalytics
    appInsightsName: names.appInsights
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    location: location
    tags: tags
    name: names.storage
    deploymentContainerName: deploymentContainerName
  }
}

module keyVault 'modules/keyVault.bicep' = {
  name: 'keyVault'
  scope: rg
  params: {
    location: location
    tags: tags
    name: names.keyVault
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  scope: rg
  params: {
    location: location
    tags: tags
    accountName: names.cosmos
    backupTier: cosmosBackupTier
    serverless: cosmosServerless
    maxAutoscaleThroughput: cosmosMaxAutoscaleThroughput
  }
}

module functionApp 'modules/functionApp.bicep' = {
  name: 'functionApp'
  scope: rg
  params: {
    location: location
    tags: tags
    planName: names.plan
    appName: names.functionApp
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    alwaysReadyHttpInstances: alwaysReadyHttpInstances
    maximumInstanceCount: maximumInstanceCount
    appInsightsName: monitoring.outputs.appInsightsName
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabase: cosmos.outputs.databaseName
    keyVaultUri: keyVault.outputs.uri
    shopifyApiSecretName: shopifySecretNames.apiSecret
    shopifyPreviousApiSecretName: shopifySecretNames.previousApiSecret
    frontendOrigins: frontendOrigins
    shopifyApiKey: shopifyApiKey
    shopifyAppUrl: shopifyAppUrl
    smtpHost: smtpHost
    smtpPort: smtpPort
    smtpUser: smtpUser
    smtpFrom: smtpFrom
    smtpPasswordSecretName: smtpPasswordSecretName
  }
}

module roleAssignments 'modules/roleAssignments.bicep' = {
  name: 'roleAssignments'
  scope: rg
  params: {
    principalId: functionApp.outputs.principalId
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    appInsightsName: monitoring.outputs.appInsightsName
    cosmosAccountName: cosmos.outputs.accountName
    cosmosDatabaseName: cosmos.outputs.databaseName
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  scope: rg
  params: {
    location: location
    tags: tags
    environmentName: environmentName
    actionGroupName: names.actionGroup
    alertEmail: alertEmail
    appInsightsId: monitoring.outputs.appInsightsId
    http5xxThreshold: http5xxThreshold
    signInFailureThreshold: signInFailureThreshold
  }
}

output resourceGroupName string = rg.name
output functionAppName string = functionApp.outputs.name
output functionAppHostName string = functionApp.outputs.defaultHostName
output keyVaultName string = keyVault.outputs.name
output storageAccountName string = storage.outputs.name
output cosmosEndpoint string = cosmos.outputs.endpoint
