using System.Text.Json.Nodes;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.UnitTests.Infra;

/// <summary>What the app needs from its environment to start and serve the front end: CORS, email, storage.</summary>
public class BicepAppWiringTests
{
    public static TheoryData<string> Environments => new(CompiledBicep.Environments);

    [Theory]
    [MemberData(nameof(Environments))]
    public void FunctionApp_Cors_AllowsExactlyTheFrontEndsOriginsWithCredentials(string environment)
    {
        var snapshot = CompiledBicep.Snapshot(environment);

        var cors = snapshot.FunctionApp.At("properties.siteConfig.cors");

        var expected = CompiledBicep.Parameter(environment, "frontendOrigins").GetValue<string>().Split(',');
        Assert.Equal(expected, cors.At("allowedOrigins").AsArray().Select(o => o!.GetValue<string>()));
        Assert.DoesNotContain("*", expected);
        Assert.True(cors.Flag("supportCredentials"));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void FunctionAppSettings_Smtp_IsConfiguredWithThePasswordInKeyVault(string environment)
    {
        var settings = CompiledBicep.Snapshot(environment).AppSettings;

        Assert.Equal(CompiledBicep.Parameter(environment, "smtpHost").GetValue<string>(), settings["Email__Smtp__Host"]);
        Assert.Equal("587", settings["Email__Smtp__Port"]);
        Assert.False(string.IsNullOrEmpty(settings["Email__Smtp__From"]));
        Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri={0}secrets/{1}/)', ", settings["Email__Smtp__Password"], StringComparison.Ordinal);
        Assert.EndsWith(", 'smtp-password')]", settings["Email__Smtp__Password"], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Storage_TablesAndQueues_AreThoseTheCodeDeclares(string environment)
    {
        var snapshot = CompiledBicep.Snapshot(environment);

        var tables = snapshot.All("Microsoft.Storage/storageAccounts/tableServices/tables").Select(t => LastSegment(t.Name()));
        var queues = snapshot.All("Microsoft.Storage/storageAccounts/queueServices/queues").Select(q => LastSegment(q.Name()));

        Assert.Equal(StorageDeclarations.Tables.Order(StringComparer.Ordinal), tables.Order(StringComparer.Ordinal));
        Assert.Contains("outgoing-email", queues);
        Assert.Contains("outgoing-email-poison", queues);
    }

    private static string LastSegment(string name) => name[(name.LastIndexOf('/') + 1)..];
}
