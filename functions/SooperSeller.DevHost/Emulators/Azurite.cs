using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace SooperSeller.DevHost.Emulators;

/// <summary>
/// Azurite (Storage: blobs, queues, tables) on free loopback ports, from infra/local's pinned package: one Node process
/// per service, as Azurite's <c>azurite-blob</c>, <c>azurite-queue</c> and <c>azurite-table</c> entry points run them.
/// Azurite handles each request on one JavaScript thread; in one process the three services shared that thread, and
/// under webhook load (a table read, a blob and a message per delivery, a blob and a message per processed one) it was
/// the first thing to run out, well before our code. Apart, they use the machine's cores as Storage's separate
/// services would.
/// </summary>
public sealed partial class Azurite : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account (public, documented by Microsoft; not a secret).</summary>
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly string[] Services = ["blob", "queue", "table"];

    private readonly NodeProcess[] _processes;

    private Azurite(NodeProcess[] processes, Uri blob, Uri queue, Uri table)
    {
        _processes = processes;
        BlobEndpoint = blob;
        QueueEndpoint = queue;
        TableEndpoint = table;
    }

    public Uri BlobEndpoint { get; }

    public Uri QueueEndpoint { get; }

    public Uri TableEndpoint { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint={BlobEndpoint}{AccountName};QueueEndpoint={QueueEndpoint}{AccountName};TableEndpoint={TableEndpoint}{AccountName};";

    /// <param name="location">Where to persist data; null keeps everything in memory.</param>
    public static async Task<Azurite> StartAsync(string? location, ILogger logger, CancellationToken cancellationToken)
    {
        var infra = RepositoryLayout.LocalInfra;
        await NpmPackages.EnsureInstalledAsync(infra, logger, cancellationToken);
        if (location is not null)
        {
            // The services keep separate files (__azurite_db_blob__.json, ..._queue__, ..._table__), so one folder serves all three.
            Directory.CreateDirectory(location);
        }

        var starts = Services.Select(service => StartServiceAsync(infra, service, location, logger, cancellationToken)).ToArray();
        try
        {
            await Task.WhenAll(starts);
        }
        catch
        {
            foreach (var started in starts.Where(s => s.IsCompletedSuccessfully))
            {
                await started.Result.Process.DisposeAsync();
            }

            throw;
        }

        var (blob, queue, table) = (starts[0].Result, starts[1].Result, starts[2].Result);
        return new Azurite([blob.Process, queue.Process, table.Process], blob.Endpoint, queue.Endpoint, table.Endpoint);
    }

    /// <summary>Kills the three processes at once (tests use it to take Storage away).</summary>
    public void Kill()
    {
        foreach (var process in _processes)
        {
            process.Kill();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }
    }

    private static async Task<(NodeProcess Process, Uri Endpoint)> StartServiceAsync(string infra, string service, string? location, ILogger logger, CancellationToken cancellationToken)
    {
        // The blob and queue services report the port the system gave them; the table service reports only the port it
        // was asked for, so it gets a free one chosen here (and another if that one is taken before Azurite binds it).
        for (var attempt = 1; ; attempt++)
        {
            var port = service == "table" ? FreeLoopbackPort() : 0;
            var arguments = new List<string>
            {
                // A 128 MB young generation (Node's default is 16): fewer scavenges of Azurite's many short-lived request
                // objects. In the webhook load scenario ingestion's p99 went from 48.4-57.3 ms (default) to 32.5-45.9 ms
                // (64 MB) to 27.0-36.1 ms (128 MB).
                "--max-semi-space-size=128",
                "-r", Path.Combine(infra, "exit-with-parent.js"),
                Path.Combine(infra, "node_modules", "azurite", "dist", "src", service, "main.js"),
                "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--silent",
                $"--{service}Host", "127.0.0.1", $"--{service}Port", port.ToString(CultureInfo.InvariantCulture),
            };
            arguments.AddRange(location is null ? ["--inMemoryPersistence"] : ["--location", location]);
            Uri? endpoint = null;
            try
            {
                var process = await NodeProcess.StartAsync(
                    "Azurite " + service,
                    location ?? Path.GetTempPath(),
                    arguments,
                    line =>
                    {
                        var match = Listening().Match(line);
                        if (match.Success)
                        {
                            var address = match.Groups["url"].Value.TrimEnd('/');
                            endpoint = new Uri((address.Contains("://", StringComparison.Ordinal) ? address : "http://" + address) + "/");
                        }

                        return endpoint is not null;
                    },
                    logger,
                    cancellationToken);
                return (process, endpoint!);
            }
            catch (InvalidOperationException) when (service == "table" && attempt < 3)
            {
                // most likely the port was taken between choosing and binding: choose again
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // "Azurite Blob service successfully listens on http://127.0.0.1:41234", the same for Queue;
    // "Azurite Table service successfully started on 127.0.0.1:41236".
    [GeneratedRegex(@"Azurite (Blob|Queue|Table) service successfully (listens|started) on (?<url>\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex Listening();
}
