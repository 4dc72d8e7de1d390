using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace SooperSeller.DevHost.Emulators;

/// <summary>Azurite (Storage: blobs, queues, tables) on free loopback ports, from infra/local's pinned package.</summary>
public sealed partial class Azurite : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account (public, documented by Microsoft; not a secret).</summary>
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Azurite(NodeProcess process, Uri blob, Uri queue, Uri table)
    {
        Process = process;
        BlobEndpoint = blob;
        QueueEndpoint = queue;
        TableEndpoint = table;
    }

    public Uri BlobEndpoint { get; }

    public Uri QueueEndpoint { get; }

    public Uri TableEndpoint { get; }

    public NodeProcess Process { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint={BlobEndpoint}{AccountName};QueueEndpoint={QueueEndpoint}{AccountName};TableEndpoint={TableEndpoint}{AccountName};";

    /// <param name="location">Where to persist data; null keeps everything in memory.</param>
    public static async Task<Azurite> StartAsync(string? location, ILogger logger, CancellationToken cancellationToken)
    {
        var infra = RepositoryLayout.LocalInfra;
        await NpmPackages.EnsureInstalledAsync(infra, logger, cancellationToken);
        var arguments = new List<string>
        {
            "-r", Path.Combine(infra, "exit-with-parent.js"),
            Path.Combine(infra, "node_modules", "azurite", "dist", "src", "azurite.js"),
            "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--silent",
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", "0", "--queuePort", "0", "--tablePort", "0",
        };
        string workingDirectory;
        if (location is null)
        {
            arguments.Add("--inMemoryPersistence");
            workingDirectory = Path.GetTempPath();
        }
        else
        {
            Directory.CreateDirectory(location);
            arguments.AddRange(["--location", location]);
            workingDirectory = location;
        }

        var endpoints = new Dictionary<string, Uri>(StringComparer.Ordinal);
        var process = await NodeProcess.StartAsync(
            "Azurite",
            workingDirectory,
            arguments,
            line =>
            {
                var match = Listening().Match(line);
                lock (endpoints)
                {
                    if (match.Success)
                    {
                        endpoints[match.Groups["service"].Value] = new Uri(match.Groups["url"].Value.TrimEnd('/') + "/");
                    }

                    return endpoints.Count == 3;
                }
            },
            logger,
            cancellationToken);
        return new Azurite(process, endpoints["Blob"], endpoints["Queue"], endpoints["Table"]);
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at (?<url>\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex Listening();
}
