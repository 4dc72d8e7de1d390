// Log Analytics workspace and the workspace-based Application Insights the Function App reports to.

param location string
param tags object
param logAnalyticsName string
param appInsightsName string

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    // Logs and telemetry are kept 90 days, then purged (privacy policy, "Data Retention": usage/log data).
    retentionInDays: 90
    features: {
      enableLogAccessUsingOnlyResourcePermissions: true
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    // Telemetry lives in the workspace, so the workspace's 90 days apply to it.
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    RetentionInDays: 90
    // Only Entra-authenticated telemetry is accepted: the host and the worker sign in with the app's managed identity
    // (APPLICATIONINSIGHTS_AUTHENTICATION_STRING, read by Microsoft.Azure.Functions.Worker.ApplicationInsights).
    DisableLocalAuth: true
    // Client IP addresses are personal data: keep Application Insights' default masking.
    DisableIpMasking: false
  }
}

output logAnalyticsWorkspaceId string = workspace.id
output appInsightsId string = appInsights.id
output appInsightsName string = appInsights.name
