// Alerts on Application Insights, emailed through one action group: messages stuck in poison queues, 5xx spikes,
// sign-in failure spikes.

param location string
param tags object
param environmentName string
param actionGroupName string
param alertEmail string
param appInsightsId string

@minValue(1)
param http5xxThreshold int

@minValue(1)
param signInFailureThreshold int

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: actionGroupName
  location: 'global'
  tags: tags
  properties: {
    groupShortName: take('ss-${environmentName}', 12)
    enabled: true
    emailReceivers: [
      {
        name: 'operations'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

// A message in a poison queue failed five times and waits for a fix and a replay (architecture, "Queue").
// MeasurePoisonQueues logs PoisonQueueDepth every 5 minutes per queue; the Queue dimension splits the alert per queue.
resource poisonQueueAlert 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-poison-queue-${environmentName}'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'SooperSeller ${environmentName}: messages in a poison queue'
    description: 'A queue message failed 5 times and was moved to <queue>-poison. Fix the cause, then replay it (DevHost replay command).'
    severity: 2
    enabled: true
    scopes: [
      appInsightsId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    autoMitigate: true
    criteria: {
      allOf: [
        {
          query: 'customMetrics | where name == "PoisonQueueDepth" | extend Queue = tostring(coalesce(customDimensions.Queue, customDimensions["prop__Queue"])) | summarize Depth = max(valueMax) by Queue'
          timeAggregation: 'Maximum'
          metricMeasureColumn: 'Depth'
          dimensions: [
            {
              name: 'Queue'
              operator: 'Include'
              values: [
                '*'
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

// Server errors (requests are excluded from sampling in host.json, so the count is exact).
resource http5xxAlert 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-http-5xx-${environmentName}'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'SooperSeller ${environmentName}: 5xx spike'
    description: 'More than the threshold of HTTP 5xx responses in 5 minutes.'
    severity: 1
    enabled: true
    scopes: [
      appInsightsId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    autoMitigate: true
    criteria: {
      allOf: [
        {
          query: 'requests | where toint(resultCode) >= 500'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: http5xxThreshold
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

// Credential stuffing or a broken sign-in: the accounts feature records each failure as SignInFailed, either as a
// custom event or as a log entry with that event name; both count.
resource signInFailureAlert 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-sign-in-failures-${environmentName}'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'SooperSeller ${environmentName}: sign-in failure spike'
    description: 'More than the threshold of failed sign-ins (SignInFailed) in 5 minutes.'
    severity: 2
    enabled: true
    scopes: [
      appInsightsId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    autoMitigate: true
    criteria: {
      allOf: [
        {
          query: 'union isfuzzy=true (customEvents | where name == "SignInFailed"), (traces | where tostring(customDimensions.EventName) == "SignInFailed")'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: signInFailureThreshold
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}
