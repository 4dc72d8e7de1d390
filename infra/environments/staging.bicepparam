// Staging: production's shape at lower cost (serverless Cosmos DB, 7 days of point-in-time restore).
using '../main.bicep'

param environmentName = 'staging'
param location = 'southeastasia'
param alertEmail = 'staging-alerts@sooperseller.com'
param cosmosBackupTier = 'Continuous7Days'
param cosmosServerless = true
param alwaysReadyHttpInstances = 1
param maximumInstanceCount = 40
param frontendOrigins = 'https://staging.app.sooperseller.com'
param shopifyApiKey = 'replace-with-the-staging-shopify-app-client-id'
param shopifyAppUrl = 'https://staging.api.sooperseller.com'
param http5xxThreshold = 10
param signInFailureThreshold = 30
param smtpHost = 'replace-with-the-staging-smtp-relay-host'
param smtpUser = 'replace-with-the-staging-smtp-user'
param smtpFrom = 'no-reply@sooperseller.com'
