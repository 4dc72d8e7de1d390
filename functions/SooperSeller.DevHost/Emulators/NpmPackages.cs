using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace SooperSeller.DevHost.Emulators;

/// <summary>
/// Installs infra/local's npm packages with <c>npm ci</c>, only when package-lock.json changed since the last install
/// (a stamp in node_modules holds the lockfile's hash), under an exclusive file lock so that parallel test runs and a
/// running DevHost never install over each other.
/// </summary>
public static partial class NpmPackages
{
    private const string StampName = ".sooperseller-lock.sha256";

    public static async Task EnsureInstalledAsync(string directory, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(logger);
        var lockfile = Path.Combine(directory, "package-lock.json");
        var stamp = Path.Combine(directory, "node_modules", StampName);
        var hash = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(lockfile, cancellationToken)));
        if (IsStamped(stamp, hash))
        {
            return;
        }

        await using var installLock = await AcquireLockAsync(Path.Combine(directory, ".install.lock"), cancellationToken);
        if (IsStamped(stamp, hash))
        {
            return; // another process installed while we waited
        }

        Log.Installing(logger, directory);
        var started = Stopwatch.GetTimestamp();
        await RunNpmCiAsync(directory, cancellationToken);
        await File.WriteAllTextAsync(stamp, hash, cancellationToken);
        Log.Installed(logger, (long)Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private static bool IsStamped(string stamp, string hash) =>
        File.Exists(stamp) && string.Equals(File.ReadAllText(stamp).Trim(), hash, StringComparison.Ordinal);

    // FileShare.None takes an advisory flock on Unix; the kernel releases it when the holder dies.
    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }

    private static async Task RunNpmCiAsync(string directory, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            startInfo.ArgumentList.Add(arg);
        }

        using var npm = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start npm; install Node.js 20 or later.");
        var stdout = npm.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = npm.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await npm.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            npm.Kill(entireProcessTree: true);
            throw;
        }

        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {directory} failed with exit code {npm.ExitCode}:\n{await stdout}\n{await stderr}");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Information, "Installing the local emulators with npm ci in {Directory} (once per lockfile change)")]
        public static partial void Installing(ILogger logger, string directory);

        [LoggerMessage(LogLevel.Information, "npm ci finished in {Seconds} s")]
        public static partial void Installed(ILogger logger, long seconds);
    }
}
