using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;

namespace SooperSeller.DevHost.Emulators;

/// <summary>
/// A Node.js emulator process. It gets a stdin pipe that we never write to: infra/local/exit-with-parent.js makes it
/// exit when that pipe closes, which the kernel does when this process dies for any reason (even SIGKILL), so an
/// emulator never outlives its parent.
/// </summary>
public sealed partial class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _name;
    private readonly ILogger _logger;
    private readonly StringBuilder _output = new();

    private NodeProcess(Process process, string name, ILogger logger)
    {
        _process = process;
        _name = name;
        _logger = logger;
    }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts <c>node</c> with <paramref name="arguments"/> and waits until <paramref name="isReady"/> has seen the stdout
    /// line(s) it needs (it is called with each line and returns true once satisfied).
    /// </summary>
    public static async Task<NodeProcess> StartAsync(
        string name, string workingDirectory, IEnumerable<string> arguments, Func<string, bool> isReady, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(isReady);
        var startInfo = new ProcessStartInfo(OperatingSystem.IsWindows() ? "node.exe" : "node")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var node = new NodeProcess(process, name, logger);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            node.Remember(e.Data);
            if (!ready.Task.IsCompleted && isReady(e.Data))
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                node.Remember(e.Data);
            }
        };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"{name} exited before it was ready:\n{node.RecentOutput()}"));

        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {name}: is Node.js 20 or later on the PATH?");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }

        Log.Started(logger, name, process.Id);
        return node;
    }

    /// <summary>Asks the process to stop by closing its stdin, then kills it if it has not exited within a few seconds.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    await _process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync(CancellationToken.None);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // never started, or already gone
        }

        Log.Stopped(_logger, _name);
        _process.Dispose();
    }

    /// <summary>Kills the process at once (tests use it to take a dependency away).</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    private void Remember(string line)
    {
        lock (_output)
        {
            if (_output.Length > 16_000)
            {
                _output.Remove(0, _output.Length - 8_000);
            }

            _output.AppendLine(line);
        }
    }

    private string RecentOutput()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Debug, "{Name} started (pid {ProcessId})")]
        public static partial void Started(ILogger logger, string name, int processId);

        [LoggerMessage(LogLevel.Debug, "{Name} stopped")]
        public static partial void Stopped(ILogger logger, string name);
    }
}
