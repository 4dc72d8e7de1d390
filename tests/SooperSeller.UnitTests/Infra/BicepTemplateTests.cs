using System.Text.Json.Nodes;
using SooperSeller.Infrastructure.Cosmos;

namespace SooperSeller.UnitTests.Infra;

/// <summary>
/// The Azure templates keep the security and privacy promises (privacy policy; security-reliability A9/A10) in every
/// environment. Each test reads what the build compiled from infra/ (see <see cref="CompiledBicep"/>): the ARM template,
/// and each environment's deployment snapshot, so a promise is checked with the values that environment really gets.
/// </summary>
public class BicepTemplateTests
{
    private const string Storage = "Microsoft.Storage/storageAccounts";
    private const string Cosmos = "Microsoft.DocumentDB/databaseAccounts";
    private const string CosmosContainer = "Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers";
    private const string KeyVault = "Microsoft.KeyVault/vaults";
    private const string AppInsights = "Microsoft.Insights/components";
    private const string Workspace = "Microsoft.OperationalInsights/workspaces";
    private const string RoleAssignment = "Microsoft.Authorization/roleAssignments";
    private const string QueryAlert = "Microsoft.Insights/scheduledQueryRules";

    public static TheoryData<string> Environments => new(CompiledBicep.Environments);

    [Theory]
    [MemberData(nameof(Environments))]
    public void Snapshot_AnyEnvironment_EvaluatesWithoutDiagnostics(string environment)
    {
        var snapshot = CompiledBicep.Snapshot(environment);

        var diagnostics = snapshot.Diagnostics;

        Assert.True(diagnostics.Count == 0, $"{environment}: {diagnostics.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void FunctionApp_AnyEnvironment_AcceptsOnlyHttpsWithTls12AndNoFtpOrBasicAuth(string environment)
    {
        var snapshot = CompiledBicep.Snapshot(environment);

        var app = snapshot.FunctionApp;
        var publishing = snapshot.All("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();

        Assert.True(app.Flag("properties.httpsOnly"));
        Assert.Equal("1.2", app.Text("properties.siteConfig.minTlsVersion"));
        Assert.Equal("Disabled", app.Text("properties.siteConfig.ftpsState"));
        Assert.Equal(["ftp", "scm"], publishing.Select(p => p.Name().Split('/')[^1]).Order(StringComparer.Ordinal));
        Assert.All(publishing, p => Assert.False(p.Flag("properties.allow")));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void FunctionApp_AnyEnvironment_RunsDotnet10IsolatedOnFlexConsumptionWithASystemAssignedIdentity(string environment)
    {
        var snapshot = CompiledBicep.Snapshot(environment);

        var app = snapshot.FunctionApp;
        var plan = snapshot.Single("Microsoft.Web/serverfarms");

        Assert.Equal("SystemAssigned", app.Text("identity.type"));
        Assert.Equal("dotnet-isolated", app.Text("properties.functionAppConfig.runtime.name"));
        Assert.Equal("10.0", app.Text("properties.functionAppConfig.runtime.version"));
        Assert.Equal("FlexConsumption", plan.Text("sku.tier"));
        Assert.Equal(plan.Id(), app.Text("properties.serverFarmId"));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void FunctionApp_AnyEnvironment_KeepsTheParameterFilesHttpInstancesAlwaysReady(string environment)
    {
        var snapshot = CompiledBicep.Snapshot(environment);
        var wanted = CompiledBicep.Parameter(environment, "alwaysReadyHttpInstances").GetValue<int>();

        var alwaysReady = snapshot.FunctionApp.At("properties.functionAppConfig.scaleAndConcurrency.alwaysReady").AsArray();

        var http = Assert.Single(alwaysReady, group => group!.Text("name") == "http");
        Assert.Equal(wanted, http!.Number("instanceCount"));
        Assert.True(wanted >= 1, $"{environment}: Shopify's 5-second webhook limit needs at least one warm HTTP instance.");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void FunctionAppSettings_AnyEnvironment_ReachStorageByIdentityWithoutKeysOrConnectionStrings(string environment)
    {
        var snapshot = CompiledBicep.Snapshot(environment);
        var storage = snapshot.Single(Storage);

        var settings = snapshot.AppSettings;

        Assert.Equal(storage.RuntimeReference("primaryEndpoints.blob"), settings["AzureWebJobsStorage__blobServiceUri"]);
        Assert.Equal(storage.RuntimeReference("primaryEndpoints.queue"), settings["AzureWebJobsStorage__queueServiceUri"]);
        Assert.Equal(storage.RuntimeReference("primaryEndpoints.table"), settings["AzureWebJobsStorage__tableServiceUri"]);
        Assert.False(settings.ContainsKey("AzureWebJobsStorage"), "AzureWebJobsStorage as a connection string would carry an account key.");
        Assert.All(settings, setting =>
        {
            Assert.DoesNotContain("AccountKey", setting.Value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SharedAccessSignature", setting.Value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("DefaultEndpointsProtocol", setting.Value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("listKeys(", setting.Value, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void FunctionAppSettings_AnyEnvironment_PointAtThatEnvironmentsCosmosVaultAndTelemetry(string environment)
    {
        var snapshot = CompiledBicep.Snapshot(environment);
        var database = snapshot.Single("Microsoft.DocumentDB/databaseAccounts/sqlDatabases");

        var settings = snapshot.AppSettings;

        Assert.Equal(snapshot.Single(Cosmos).RuntimeReference("documentEndpoint"), settings["Cosmos__Endpoint"]);
        Assert.Equal(new CosmosOptions().Database, settings["Cosmos__Database"]);
        Assert.Equal(database.Text("properties.resource.id"), settings["Cosmos__Database"]);
        Assert.Equal(snapshot.Single(KeyVault).RuntimeReference("vaultUri"), settings["KeyVault__Uri"]);
        Assert.Equal(snapshot.Single(AppInsights).RuntimeReference("ConnectionString"), settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void FunctionAppSettings_ShopifySecrets_AreKeyVaultReferencesIntoThatEnvironmentsVault(string environment)
    {
        var snapshot = CompiledBicep.Snapshot(environment);
        var vaultUri = $"reference('{snapshot.Single(KeyVault).Id()}', '{snapshot.Single(KeyVault).Text("apiVersion")}').vaultUri";

        var settings = snapshot.AppSettings;

        Assert.All(
            new[] { ("Shopify__ApiSecret", "shopify-api-secret"), ("Shopify__PreviousApiSecret", "shopify-previous-api-secret") },
            secret =>
            {
                var value = settings[secret.Item1];
                Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri={0}secrets/{1}/)', ", value, StringComparison.Ordinal);
                Assert.Contains(vaultUri, value, StringComparison.Ordinal);
                Assert.EndsWith($", '{secret.Item2}')]", value, StringComparison.Ordinal);
            });
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void FunctionAppSettings_AnyEnvironment_TakeTheParameterFilesShopifyAndFrontendValues(string environment)
    {
        var snapshot = CompiledBicep.Snapshot(environment);

        var settings = snapshot.AppSettings;

        Assert.Equal(CompiledBicep.Parameter(environment, "frontendOrigins").GetValue<string>(), settings["Frontend__Origins"]);
        Assert.Equal(CompiledBicep.Parameter(environment, "shopifyApiKey").GetValue<string>(), settings["Shopify__ApiKey"]);
        Assert.Equal(CompiledBicep.Parameter(environment, "shopifyAppUrl").GetValue<string>(), settings["Shopify__AppUrl"]);
        Assert.Equal("2026-10", settings["Shopify__ApiVersion"]);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void FunctionApp_DeploymentPackage_ComesFromItsOwnStorageContainerByIdentity(string environment)
    {
        var snapshot = CompiledBicep.Snapshot(environment);
        var storage = snapshot.Single(Storage);
        // The package's container, beside the app's own (StorageDeclarations.BlobContainers, e.g. claimchecks).
        var container = snapshot.All("Microsoft.Storage/storageAccounts/blobServices/containers")
            .Single(c => !SooperSeller.Infrastructure.Storage.StorageDeclarations.BlobContainers.Contains(c.Name().Split('/')[^1]));

        var containerName = container.Name().Split('/')[^1];

        var deployment = snapshot.FunctionApp.At("properties.functionAppConfig.deployment.storage");

        Assert.Equal("blobContainer", deployment.Text("type"));
        Assert.Equal("SystemAssignedIdentity", deployment.Text("authentication.type"));
        Assert.Equal(
            $"[format('{{0}}{{1}}', reference('{storage.Id()}', '{storage.Text("apiVersion")}').primaryEndpoints.blob, '{containerName}')]",
            deployment.Text("value"));
        Assert.Equal("None", container.Text("properties.publicAccess"));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Storage_AnyEnvironment_RefusesSharedKeysAnonymousReadsAndPlainHttp(string environment)
    {
        var snapshot = CompiledBicep.Snapshot(environment);

        var storage = snapshot.Single(Storage);

        Assert.False(storage.Flag("properties.allowSharedKeyAccess"));
        Assert.True(storage.Flag("properties.supportsHttpsTrafficOnly"));
        Assert.Equal("TLS1_2", storage.Text("properties.minimumTlsVersion"));
        Assert.False(storage.Flag("properties.allowBlobPublicAccess"));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Storage_AnyEnvironment_KeepsDeletedBlobsAndContainersRecoverableForLessThanAMonth(string environment)
    {
        var snapshot = CompiledBicep.Snapshot(environment);

        var blobService = snapshot.Single("Microsoft.Storage/storageAccounts/blobServices");

        Assert.All(new[] { "deleteRetentionPolicy", "containerDeleteRetentionPolicy" }, policy =>
        {
            Assert.True(blobService.Flag($"properties.{policy}.enabled"), policy);
            // Recoverable after a mistake, yet gone within the 30 days the privacy policy gives a deletion request.
            Assert.InRange(blobService.Number($"properties.{policy}.days"), 1, 29);
        });
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Cosmos_AnyEnvironment_AcceptsOnlyEntraIdOverTls12WithTheParameterFilesContinuousBackup(string environment)
    {
        var snapshot = CompiledBicep.Snapshot(environment);
        var tier = CompiledBicep.Parameter(environment, "cosmosBackupTier").GetValue<string>();

        var account = snapshot.Single(Cosmos);

        Assert.True(account.Flag("properties.disableLocalAuth"));
        Assert.Equal("Tls12", account.Text("properties.minimalTlsVersion"));
        Assert.Equal("Continuous", account.Text("properties.backupPolicy.type"));
        Assert.Equal(tier, account.Text("properties.backupPolicy.continuousModeProperties.tier"));
    }

    [Fact]
    public void Cosmos_Production_KeepsThirtyDaysOfPointInTimeRestoreOnProvisionedThroughput()
    {
        var snapshot = CompiledBicep.Snapshot("prod");

        var account = snapshot.Single(Cosmos);
        var database = snapshot.Single("Microsoft.DocumentDB/databaseAccounts/sqlDatabases");

        Assert.Equal("Continuous30Days", CompiledBicep.Parameter("prod", "cosmosBackupTier").GetValue<string>());
        Assert.Equal("Continuous30Days", account.Text("properties.backupPolicy.continuousModeProperties.tier"));
        Assert.Empty(account.At("properties.capabilities").AsArray());
        Assert.True(database.Number("properties.options.autoscaleSettings.maxThroughput") >= 1000);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void CosmosContainers_AnyEnvironment_EqualTheContainersDeclaredInCode(string environment)
    {
        var snapshot = CompiledBicep.Snapshot(environment);
        var expected = TenantContainers.All.Select(c => Describe(c.Name, c.DefaultTimeToLiveSeconds, c.CompositeIndexes.Select(
            index => index.Paths.Select(p => $"{p.Path} {(p.Descending ? "descending" : "ascending")}")))).ToList();

        var containers = snapshot.All(CosmosContainer).Select(c => c.At("properties.resource")).ToList();

        Assert.Equal(expected, containers.Select(c => Describe(
            c.Text("id"),
            c["defaultTtl"]?.GetValue<int>(),
            c.At("indexingPolicy.compositeIndexes").AsArray().Select(
                index => index!.AsArray().Select(p => $"{p!.Text("path")} {p!.Text("order")}")))));
        Assert.All(containers, c =>
        {
            Assert.Equal([ContainerDefinition.PartitionKeyPath], c.At("partitionKey.paths").AsArray().Select(p => p!.GetValue<string>()));
            Assert.Equal("consistent", c.Text("indexingPolicy.indexingMode"));
            Assert.Equal(["/*"], c.At("indexingPolicy.includedPaths").AsArray().Select(p => p!.Text("path")));
            Assert.Equal(["/\"_etag\"/?"], c.At("indexingPolicy.excludedPaths").AsArray().Select(p => p!.Text("path")));
        });
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void CosmosRoleAssignment_AnyEnvironment_GivesTheAppDataContributorOnItsDatabaseOnly(string environment)
    {
        var snapshot = CompiledBicep.Snapshot(environment);
        var account = snapshot.Single(Cosmos);

        var assignment = snapshot.Single("Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments");

        Assert.Equal($"{account.Id()}/sqlRoleDefinitions/00000000-0000-0000-0000-000000000002", assignment.Text("properties.roleDefinitionId"));
        Assert.Equal(snapshot.AppPrincipalId, assignment.Text("properties.principalId"));
        Assert.Equal($"{account.Id()}/dbs/sooperseller", assignment.Text("properties.scope"));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void RoleAssignments_AnyEnvironment_GiveTheAppExactlyItsStorageVaultAndTelemetryRoles(string environment)
    {
        var snapshot = CompiledBicep.Snapshot(environment);
        var storage = snapshot.Single(Storage).Id();
        var expected = new[]
        {
            $"{storage} b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // Storage Blob Data Owner
            $"{storage} 974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor
            $"{storage} 0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor
            $"{snapshot.Single(KeyVault).Id()} b86a8fe4-44ce-4948-aee5-eccb2c155cd7", // Key Vault Secrets Officer
            $"{snapshot.Single(AppInsights).Id()} 3913510d-42f4-4e42-8a64-420c390055eb", // Monitoring Metrics Publisher
        };

        var assignments = snapshot.All(RoleAssignment).ToList();

        Assert.Equal(
            expected.Order(StringComparer.Ordinal),
            assignments.Select(a => $"{DeploymentSnapshot.ScopeOf(a)} {a.Text("properties.roleDefinitionId").Split('/')[^1]}").Order(StringComparer.Ordinal));
        Assert.All(assignments, a =>
        {
            Assert.Equal(snapshot.AppPrincipalId, a.Text("properties.principalId"));
            Assert.Equal("ServicePrincipal", a.Text("properties.principalType"));
        });
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void KeyVault_AnyEnvironment_UsesRbacPurgeProtectionAnd90DaySoftDeleteWithAnAuditLog(string environment)
    {
        var snapshot = CompiledBicep.Snapshot(environment);

        var vault = snapshot.Single(KeyVault);
        var audit = snapshot.Single("Microsoft.Insights/diagnosticSettings");

        Assert.True(vault.Flag("properties.enableRbacAuthorization"));
        Assert.True(vault.Flag("properties.enablePurgeProtection"));
        Assert.True(vault.Flag("properties.enableSoftDelete"));
        Assert.Equal(90, vault.Number("properties.softDeleteRetentionInDays"));
        Assert.StartsWith(vault.Id() + "/providers/", audit.Id(), StringComparison.Ordinal);
        Assert.Equal(snapshot.Single(Workspace).Id(), audit.Text("properties.workspaceId"));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Monitoring_AnyEnvironment_KeepsTelemetry90DaysInTheWorkspaceAppInsightsWritesTo(string environment)
    {
        var snapshot = CompiledBicep.Snapshot(environment);

        var workspace = snapshot.Single(Workspace);
        var appInsights = snapshot.Single(AppInsights);

        Assert.Equal(90, workspace.Number("properties.retentionInDays"));
        Assert.Equal(workspace.Id(), appInsights.Text("properties.WorkspaceResourceId"));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Telemetry_LocalAuthDisabled_AppSendsItWithItsIdentity(string environment)
    {
        var snapshot = CompiledBicep.Snapshot(environment);
        var appInsights = snapshot.Single(AppInsights);

        var publisherRoles = snapshot.All(RoleAssignment).Where(a => DeploymentSnapshot.ScopeOf(a) == appInsights.Id()
            && a.Text("properties.roleDefinitionId").EndsWith("/3913510d-42f4-4e42-8a64-420c390055eb", StringComparison.Ordinal));

        Assert.True(appInsights.Flag("properties.DisableLocalAuth"));
        Assert.Equal("Authorization=AAD", snapshot.AppSettings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        Assert.Single(publisherRoles);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void PoisonQueueAlert_AnyEnvironment_FiresOnAnyMessageInAPoisonQueueWithin15Minutes(string environment)
    {
        var snapshot = CompiledBicep.Snapshot(environment);

        var alert = snapshot.Named(QueryAlert, $"alert-poison-queue-{environment}");

        var condition = AssertAlertOnAppInsights(snapshot, alert, environment);
        Assert.StartsWith("customMetrics | where name == \"PoisonQueueDepth\"", condition.Text("query"), StringComparison.Ordinal);
        Assert.Equal("Maximum", condition.Text("timeAggregation"));
        Assert.Equal("GreaterThan", condition.Text("operator"));
        Assert.Equal(0, condition.Number("threshold"));
        Assert.Equal("Queue", Assert.Single(condition.At("dimensions").AsArray())!.Text("name"));
        Assert.Equal("PT15M", alert.Text("properties.windowSize"));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Http5xxAlert_AnyEnvironment_FiresAboveTheParameterFilesThresholdIn5Minutes(string environment)
    {
        var snapshot = CompiledBicep.Snapshot(environment);

        var alert = snapshot.Named(QueryAlert, $"alert-http-5xx-{environment}");

        var condition = AssertAlertOnAppInsights(snapshot, alert, environment);
        Assert.Equal("requests | where toint(resultCode) >= 500", condition.Text("query"));
        Assert.Equal("Count", condition.Text("timeAggregation"));
        Assert.Equal("GreaterThan", condition.Text("operator"));
        Assert.Equal(CompiledBicep.Parameter(environment, "http5xxThreshold").GetValue<int>(), condition.Number("threshold"));
        Assert.Equal("PT5M", alert.Text("properties.windowSize"));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void SignInFailureAlert_AnyEnvironment_CountsSignInFailedEventsAndLogsAboveTheThresholdIn5Minutes(string environment)
    {
        var snapshot = CompiledBicep.Snapshot(environment);

        var alert = snapshot.Named(QueryAlert, $"alert-sign-in-failures-{environment}");

        var condition = AssertAlertOnAppInsights(snapshot, alert, environment);
        Assert.Contains("customEvents | where name == \"SignInFailed\"", condition.Text("query"), StringComparison.Ordinal);
        Assert.Contains("traces | where tostring(customDimensions.EventName) == \"SignInFailed\"", condition.Text("query"), StringComparison.Ordinal);
        Assert.Equal("Count", condition.Text("timeAggregation"));
        Assert.Equal("GreaterThan", condition.Text("operator"));
        Assert.Equal(CompiledBicep.Parameter(environment, "signInFailureThreshold").GetValue<int>(), condition.Number("threshold"));
        Assert.Equal("PT5M", alert.Text("properties.windowSize"));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Alerts_AnyEnvironment_AreTheThreeRulesEmailedToTheParameterFilesAddress(string environment)
    {
        var snapshot = CompiledBicep.Snapshot(environment);

        var actionGroup = snapshot.Single("Microsoft.Insights/actionGroups");
        var alerts = snapshot.All(QueryAlert).Select(a => a.Name()).Order(StringComparer.Ordinal);

        Assert.Equal(
            [$"alert-http-5xx-{environment}", $"alert-poison-queue-{environment}", $"alert-sign-in-failures-{environment}"],
            alerts);
        var receiver = Assert.Single(actionGroup.At("properties.emailReceivers").AsArray());
        Assert.Equal(CompiledBicep.Parameter(environment, "alertEmail").GetValue<string>(), receiver!.Text("emailAddress"));
    }

    [Fact]
    public void Environments_EachOther_ShareNoResource()
    {
        var snapshots = CompiledBicep.Environments.ToDictionary(e => e, CompiledBicep.Snapshot);
        string[] globallyNamed = [Storage, Cosmos, KeyVault, "Microsoft.Web/sites"];

        var groups = snapshots.ToDictionary(s => s.Key, s => s.Value.Single("Microsoft.Resources/resourceGroups").Name());
        var names = snapshots.ToDictionary(s => s.Key, s => globallyNamed.Select(type => s.Value.Single(type).Name()).ToList());
        var ids = snapshots.ToDictionary(s => s.Key, s => s.Value.Resources.Select(r => r.Id()).ToList());

        foreach (var environment in CompiledBicep.Environments)
        {
            // Everything an environment deploys lives in its own resource group; what is addressed by a global name
            // (storage, Cosmos DB, vault, app) has a name no other environment uses.
            Assert.Equal($"rg-sooperseller-{environment}", groups[environment]);
            Assert.All(ids[environment].Where(id => !id.EndsWith($"/resourceGroups/{groups[environment]}", StringComparison.Ordinal)), id =>
                Assert.Contains($"/resourceGroups/{groups[environment]}/", id, StringComparison.Ordinal));
            foreach (var other in CompiledBicep.Environments.Where(e => e != environment))
            {
                Assert.Empty(names[environment].Intersect(names[other], StringComparer.OrdinalIgnoreCase));
                Assert.Empty(ids[environment].Intersect(ids[other], StringComparer.OrdinalIgnoreCase));
            }
        }
    }

    [Fact]
    public void ParameterFiles_EachEnvironment_ExistAndSetItsOwnNameLocationEmailBackupAndWarmInstances()
    {
        var directory = Path.Combine(SooperSeller.DevHost.Emulators.RepositoryLayout.Root, "infra", "environments");

        var files = CompiledBicep.Environments.Select(e => Path.Combine(directory, $"{e}.bicepparam")).ToList();
        var values = CompiledBicep.Environments.ToDictionary(e => e, e => new[]
        {
            "environmentName", "location", "alertEmail", "cosmosBackupTier", "alwaysReadyHttpInstances",
        }.ToDictionary(p => p, p => CompiledBicep.Parameter(e, p).ToJsonString()));

        Assert.All(files, file => Assert.True(File.Exists(file), $"{file} is missing"));
        Assert.All(CompiledBicep.Environments, e => Assert.Equal($"\"{e}\"", values[e]["environmentName"]));
        Assert.Equal(3, values.Values.Select(v => v["location"]).Distinct().Count());
        Assert.Equal(3, values.Values.Select(v => v["alertEmail"]).Distinct().Count());
        Assert.NotEqual(values["dev"]["cosmosBackupTier"], values["prod"]["cosmosBackupTier"]);
        Assert.NotEqual(values["dev"]["alwaysReadyHttpInstances"], values["prod"]["alwaysReadyHttpInstances"]);
    }

    [Fact]
    public void Template_Anywhere_ReadsNoKeysOrConnectionStrings()
    {
        var template = CompiledBicep.MainTemplateText();

        string[] keyReads = ["listKeys", "listConnectionStrings", "listAccountSas", "listServiceSas", "AccountKey"];

        Assert.All(keyReads, read => Assert.DoesNotContain(read, template, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Template_Parameters_RefuseAColdHttpGroupAndUnknownBackupTiersOrEnvironments()
    {
        var parameters = CompiledBicep.MainTemplate().At("parameters");

        var alwaysReady = parameters.At("alwaysReadyHttpInstances");
        var backupTiers = parameters.At("cosmosBackupTier.allowedValues").AsArray().Select(v => v!.GetValue<string>());
        var environments = parameters.At("environmentName.allowedValues").AsArray().Select(v => v!.GetValue<string>());

        Assert.Equal(1, alwaysReady.Number("minValue"));
        Assert.Equal(["Continuous7Days", "Continuous30Days"], backupTiers);
        Assert.Equal(CompiledBicep.Environments, environments);
    }

    private static string Describe(string name, int? defaultTtl, IEnumerable<IEnumerable<string>> compositeIndexes) =>
        $"{name} ttl={defaultTtl?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} indexes=[{string.Join("; ", compositeIndexes.Select(i => string.Join(", ", i)))}]";

    /// <summary>Checks what every alert shares (enabled, scoped to this environment's App Insights, evaluated every
    /// 5 minutes, emailing the action group) and returns its single condition.</summary>
    private static JsonNode AssertAlertOnAppInsights(DeploymentSnapshot snapshot, JsonObject alert, string environment)
    {
        Assert.True(alert.Flag("properties.enabled"), $"{environment}: {alert.Name()} is disabled");
        Assert.Equal([snapshot.Single(AppInsights).Id()], alert.At("properties.scopes").AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("PT5M", alert.Text("properties.evaluationFrequency"));
        Assert.Equal(
            [snapshot.Single("Microsoft.Insights/actionGroups").Id()],
            alert.At("properties.actions.actionGroups").AsArray().Select(g => g!.GetValue<string>()));
        return Assert.Single(alert.At("properties.criteria.allOf").AsArray())!;
    }
}
