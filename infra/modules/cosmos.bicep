// Cosmos DB: the database and every container the code declares (TenantContainers, written to
// infra/cosmos-containers.json and kept equal to it by a unit test), each partitioned on /merchantId.

param location string
param tags object
param accountName string

@description('Point-in-time restore window: 30 days in production, 7 elsewhere.')
@allowed([
  'Continuous7Days'
  'Continuous30Days'
])
param backupTier string

@description('Serverless (dev, staging) or autoscale throughput shared by the database (production).')
param serverless bool

@minValue(1000)
param maxAutoscaleThroughput int

var declared = loadJsonContent('../cosmos-containers.json')

resource account 'Microsoft.DocumentDB/databaseAccounts@2025-04-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    capabilities: serverless ? [{ name: 'EnableServerless' }] : []
    // Entra ID only: no account keys exist that could leak; the app signs in with its managed identity.
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    // Data in transit is encrypted (privacy policy, "Security").
    minimalTlsVersion: 'Tls12'
    // Point-in-time restore. Backups are encrypted and kept by the service apart from the live account (privacy
    // policy, "Security"); a restore brings back data deleted since, so erasures must be re-applied after one.
    backupPolicy: {
      type: 'Continuous'
      continuousModeProperties: {
        tier: backupTier
      }
    }
    publicNetworkAccess: 'Enabled'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2025-04-15' = {
  parent: account
  name: declared.database
  properties: {
    resource: {
      id: declared.database
    }
    options: serverless
      ? {}
      : {
          autoscaleSettings: {
            maxThroughput: maxAutoscaleThroughput
          }
        }
  }
}

// defaultTtl null in the declarations means "no TTL": the property is then left out, as Cosmos expects.
resource containers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2025-04-15' = [
  for container in declared.containers: {
    parent: database
    name: container.name
    properties: {
      resource: {
        id: container.name
        partitionKey: {
          paths: [
            declared.partitionKeyPath
          ]
          kind: 'Hash'
          version: 2
        }
        indexingPolicy: {
          indexingMode: 'consistent'
          automatic: true
          includedPaths: [
            {
              path: '/*'
            }
          ]
          excludedPaths: [
            {
              path: '/"_etag"/?'
            }
          ]
          compositeIndexes: container.compositeIndexes
        }
        ...(container.defaultTtl == null ? {} : { defaultTtl: container.defaultTtl })
      }
    }
  }
]

output accountName string = account.name
output endpoint string = account.properties.documentEndpoint
output databaseName string = database.name
