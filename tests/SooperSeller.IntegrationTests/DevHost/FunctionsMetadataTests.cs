using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using SooperSeller.DevHost.Emulators;
using SooperSeller.DevHost.Hosting;
using SooperSeller.DevHost.TestFunctions;
using SooperSeller.Functions;
using SooperSeller.Infrastructure.Storage;
using SooperSeller.Testing;
using SooperSeller.Testing.DevHost;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.DevHost;

/// <summary>
/// The Functions worker SDK writes functions.metadata at build time: it is what the Functions host serves. Every entry
/// must map to exactly that function in the DevHost (same name, entry point and trigger data), proven by invoking it
/// through its trigger. Runs over the real app and over the test functions (one of each kind).
/// </summary>
public sealed class FunctionsMetadataTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static TheoryData<string> Apps => new() { "functions/SooperSeller.Functions", "tests/SooperSeller.DevHost.TestFunctions" };

    [Theory]
    [MemberData(nameof(Apps))]
    public void EveryMetadataEntry_MapsToExactlyThatFunctionInTheCatalog(string project)
    {
        var (metadata, assembly) = Load(project);
        var catalog = FunctionCatalog.Discover([assembly]);

        var described = Describe(catalog);

        Assert.Equal(metadata.Select(e => e.Describe()).Order(), described.Order());
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public async Task EveryMetadataEntry_IsInvokedThroughItsTrigger(string project)
    {
        var (metadata, assembly) = Load(project);
        // The app's timers sweep shared tables, and the fake clock runs them: on an Azurite of this test's own.
        await using var azurite = await Azurite.StartAsync(location: null, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None);
        await using var devHost = await TestFunctionsDevHost.StartAsync(fixture.Emulators, assembly, ownAzurite: azurite);
        var settings = new Dictionary<string, string> { ["%TestRecordQueue%"] = devHost.RecordQueue, ["%TestFailingQueue%"] = devHost.FailingQueue };
        var queues = StorageClients.FromConnectionString(azurite.ConnectionString).Queues;

        foreach (var entry in metadata.OrderBy(e => e.Trigger == "activityTrigger"))
        {
            switch (entry.Trigger)
            {
                case "httpTrigger":
                    await AssertHttpServedAsync(devHost.Host.Client, entry);
                    continue;
                case "queueTrigger":
                    await queues.GetQueueClient(settings.GetValueOrDefault(entry.Queue!, entry.Queue!)).SendMessageAsync(BinaryData.FromString("""{"text":"metadata","count":1}"""));
                    break;
                case "timerTrigger":
                    devHost.Clock.Advance(TimerFunctionScheduler.ParseSchedule(entry.Schedule!).GetNextOccurrence(devHost.Clock.GetUtcNow(), TimeZoneInfo.Utc)!.Value - devHost.Clock.GetUtcNow());
                    break;
                case "orchestrationTrigger":
                    var client = devHost.Host.Services.GetRequiredService<DurableTaskClient>();
                    var id = await client.ScheduleNewOrchestrationInstanceAsync(entry.Name, "metadata");
                    await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false, new CancellationTokenSource(Deadline).Token);
                    break;
                case "activityTrigger":
                    break; // run by the orchestrations above
                default:
                    Assert.Fail($"{entry.Name}: the DevHost has no trigger {entry.Trigger}");
                    break;
            }

            Assert.True(await Eventually.HoldsAsync(() => devHost.Invocations.Of(entry.Name).Total > 0, Deadline), $"{entry.Name} ({entry.Trigger}) was never invoked");
        }
    }

    private static async Task AssertHttpServedAsync(HttpClient client, MetadataEntry entry)
    {
        var path = "api/" + System.Text.RegularExpressions.Regex.Replace(entry.Route!, @"\{\*?(\w+)(:int)?\}", m => m.Groups[2].Success ? "7" : "x");
        foreach (var method in entry.Methods!)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), path);
            if (method is "post" or "put" or "patch")
            {
                request.Content = JsonContent.Create(new { text = "metadata", count = 1 });
            }

            using var response = await client.SendAsync(request);

            Assert.True(response.Headers.TryGetValues(HttpFunctionEndpoints.FunctionHeader, out var served), $"{method} {path}: no function answered");
            Assert.Equal(entry.Name, Assert.Single(served));
        }
    }

    private static IEnumerable<string> Describe(FunctionCatalog catalog) =>
        catalog.Http.Select(f => new MetadataEntry(f.Name, EntryPoint(f.Method), "httpTrigger", f.Route["api/".Length..], f.Methods.Select(m => m.ToLowerInvariant()).ToArray(), null, null).Describe())
            .Concat(catalog.Queues.Select(f => new MetadataEntry(f.Name, EntryPoint(f.Method), "queueTrigger", null, null, f.QueueName, null).Describe()))
            .Concat(catalog.Timers.Select(f => new MetadataEntry(f.Name, EntryPoint(f.Method), "timerTrigger", null, null, null, f.Schedule).Describe()))
            .Concat(catalog.Orchestrators.Select(f => new MetadataEntry(f.Name, EntryPoint(f.Method), "orchestrationTrigger", null, null, null, null).Describe()))
            .Concat(catalog.Activities.Select(f => new MetadataEntry(f.Name, EntryPoint(f.Method), "activityTrigger", null, null, null, null).Describe()));

    private static string EntryPoint(MethodInfo method) => $"{method.DeclaringType!.FullName}.{method.Name}";

    private static (List<MetadataEntry> Entries, Assembly Assembly) Load(string project)
    {
        // The test runs from tests/<project>/bin/<Configuration>/<tfm>/: the apps were built with the same configuration.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(RepositoryLayout.Root, project, "bin", output.Parent!.Name, output.Name, "functions.metadata");
        var assembly = project.EndsWith("TestFunctions", StringComparison.Ordinal) ? typeof(TestSink).Assembly : typeof(FunctionsAppServices).Assembly;
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var entries = document.RootElement.EnumerateArray().Select(MetadataEntry.From).ToList();
        Assert.NotEmpty(entries);
        return (entries, assembly);
    }

    private sealed record MetadataEntry(string Name, string EntryPoint, string Trigger, string? Route, string[]? Methods, string? Queue, string? Schedule)
    {
        public static MetadataEntry From(JsonElement entry)
        {
            var trigger = entry.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            string? Text(string name) => trigger.TryGetProperty(name, out var value) ? value.GetString() : null;
            return new MetadataEntry(
                entry.GetProperty("name").GetString()!,
                entry.GetProperty("entryPoint").GetString()!,
                trigger.GetProperty("type").GetString()!,
                Text("route"),
                trigger.TryGetProperty("methods", out var methods) ? methods.EnumerateArray().Select(m => m.GetString()!).ToArray() : null,
                Text("queueName"),
                Text("schedule"));
        }

        public string Describe() => $"{Name} {EntryPoint} {Trigger} {Route} {string.Join(',', Methods ?? [])} {Queue} {Schedule}";
    }
}
