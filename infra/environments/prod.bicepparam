// Production: provisioned autoscale Cosmos DB with 30 days of point-in-time restore, two always-ready HTTP instances.
using '../main.bicep'

param environmentName = 'prod'
param location = 'centralindia'
param alertEmail = 'ops-alerts@sooperseller.com'
param cosmosBackupTier = 'Continuous30Days'
param cosmosServerless = false
param cosmosMaxAutoscaleThroughput = 1000
param alwaysReadyHttpInstances = 2
param maximumInstanceCount = 100
param frontendOrigins = 'https://app.sooperseller.com'
param shopifyApiKey = 'replace-with-the-production-shopify-app-client-id'
param shopifyAppUrl = 'https://api.sooperseller.com'
param http5xxThreshold = 10
param signInFailureThreshold = 20
param smtpHost = 'replace-with-the-prod-smtp-relay-host'
param smtpUser = 'replace-with-the-prod-smtp-user'
param smtpFrom = 'no-reply@sooperseller.com'
