using System.Text.Json;

namespace SooperSeller.DevHost.Hosting;

/// <summary>
/// The settings of the repository's host.json that the DevHost honours as the Functions host would: the HTTP route
/// prefix and the queue extension's polling, visibility timeout, batch size and max dequeue count.
/// </summary>
public sealed record HostJson(TimeSpan MaxPollingInterval, TimeSpan VisibilityTimeout, int BatchSize, int MaxDequeueCount)
{
    /// <summary>The route prefix of host.json (<c>extensions.http.routePrefix</c>); the contract fixes it at <c>api</c>.</summary>
    public const string RoutePrefix = "api";

    /// <summary>The Functions host's defaults, used for whatever host.json leaves out.</summary>
    public static HostJson Defaults { get; } = new(TimeSpan.FromMinutes(1), TimeSpan.Zero, 16, 5);

    public static HostJson Load()
    {
        var path = new[] { Path.Combine(AppContext.BaseDirectory, "host.json"), Path.Combine(Emulators.RepositoryLayout.Root, "host.json") }.First(File.Exists);
        return Parse(File.ReadAllText(path));
    }

    public static HostJson Parse(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = document.RootElement;
        if (root.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix) && prefix.GetString() != RoutePrefix)
        {
            throw new InvalidOperationException($"host.json sets extensions.http.routePrefix to '{prefix.GetString()}'; the API contract fixes it at '{RoutePrefix}'.");
        }

        if (!root.TryGetProperty("extensions", out extensions) || !extensions.TryGetProperty("queues", out var queues))
        {
            return Defaults;
        }

        return new HostJson(
            queues.TryGetProperty("maxPollingInterval", out var polling) ? TimeSpan.Parse(polling.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : Defaults.MaxPollingInterval,
            queues.TryGetProperty("visibilityTimeout", out var visibility) ? TimeSpan.Parse(visibility.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : Defaults.VisibilityTimeout,
            queues.TryGetProperty("batchSize", out var batch) ? batch.GetInt32() : Defaults.BatchSize,
            queues.TryGetProperty("maxDequeueCount", out var dequeue) ? dequeue.GetInt32() : Defaults.MaxDequeueCount);
    }
}
