// Development: serverless Cosmos DB with 7 days of point-in-time restore, one always-ready HTTP instance.
using '../main.bicep'

param environmentName = 'dev'
param location = 'eastasia'
param alertEmail = 'dev-alerts@sooperseller.com'
param cosmosBackupTier = 'Continuous7Days'
param cosmosServerless = true
param alwaysReadyHttpInstances = 1
param maximumInstanceCount = 40
param frontendOrigins = 'https://dev.app.sooperseller.com,http://localhost:5173'
param shopifyApiKey = 'replace-with-the-dev-shopify-app-client-id'
param shopifyAppUrl = 'https://dev.api.sooperseller.com'
param http5xxThreshold = 20
param signInFailureThreshold = 50
param smtpHost = 'replace-with-the-dev-smtp-relay-host'
param smtpUser = 'replace-with-the-dev-smtp-user'
param smtpFrom = 'no-reply@sooperseller.com'
