// The storage account behind AzureWebJobsStorage (queues, tables, blobs, Durable Functions) and the Flex deployment
// package. Reached only with Entra ID: the app's managed identity holds data roles (roleAssignments.bicep).

param location string
param tags object

@minLength(3)
@maxLength(24)
param name string

@description('Blob container the Flex Consumption plan deploys the app package from.')
param deploymentContainerName string

// Long enough to undo a mistaken delete; short enough that a blob deleted on a redaction request is really gone
// well within the 30 days the privacy policy promises.
var softDeleteRetentionDays = 7

resource account 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    // No account keys and no key-signed SAS: every caller signs in with Entra ID.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    // Data in transit is encrypted (privacy policy, "Security").
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    // Webhook payloads, exports and airway bills carry personal data: never anonymous.
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: softDeleteRetentionDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: softDeleteRetentionDays
    }
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

// The tables, queues (each with its -poison queue) and blob containers the app uses, as declared in code
// (StorageDeclarations and the queue functions); StorageDeclarationsJsonTests keeps the file equal to the code.
var declared = loadJsonContent('../storage-declarations.json')

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-01-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-01-01' = [for table in declared.tables: {
  parent: tableService
  name: table
}]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-01-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-01-01' = [for queue in declared.queues: {
  parent: queueService
  name: queue
}]

resource appContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = [for container in declared.blobContainers: {
  parent: blobService
  name: container
  properties: {
    publicAccess: 'None'
  }
}]

output name string = account.name
