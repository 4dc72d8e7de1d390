// One vault per environment (security-reliability A9): the Shopify app secrets, per-store tokens' key material and
// per-merchant courier credentials. Access is Azure RBAC only; the app's role is granted in roleAssignments.bicep.

param location string
param tags object

@minLength(3)
@maxLength(24)
param name string

@description('Workspace that keeps the vault\'s audit log (who read or changed which secret).')
param logAnalyticsWorkspaceId string

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Azure RBAC instead of access policies: access is granted and audited like every other role.
    enableRbacAuthorization: true
    // A deleted secret can be recovered for 90 days, and nobody can purge it early.
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

// Access logs for secrets (privacy policy, "Security": access logs, incident response).
resource audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit-to-log-analytics'
  scope: vault
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        categoryGroup: 'audit'
        enabled: true
      }
    ]
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
