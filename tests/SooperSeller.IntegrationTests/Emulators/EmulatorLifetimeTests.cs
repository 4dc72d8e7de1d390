using System.Diagnostics;
using SooperSeller.DevHost.Emulators;
using SooperSeller.Testing;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Emulators;

/// <summary>An emulator never outlives the process that started it, even when that process is killed outright.</summary>
public class EmulatorLifetimeTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>
{
    // A parent that starts the emulator as our fixtures do (its own stdin pipe), prints the child's pid, then idles.
    private const string Parent = """
        const { spawn } = require('child_process');
        const [script, ...args] = process.argv.slice(1);
        const child = spawn(process.execPath, [...(script.endsWith('azurite.js') ? ['-r', process.env.PRELOAD] : []), script, ...args],
          { stdio: ['pipe', 'ignore', 'ignore'] });
        console.log(child.pid);
        setInterval(() => {}, 1000);
        """;

    public static TheoryData<string, string[]> Emulators => new()
    {
        { "cosmos-standin.js", ["--host", "127.0.0.1", "--port", "0"] },
        { Path.Combine("shopify-simulator", "server.js"), ["--api-key", "k", "--api-secret", "s", "--port", "0", "--version", "2026-10"] },
        { Path.Combine("node_modules", "azurite", "dist", "src", "azurite.js"), ["--inMemoryPersistence", "--disableTelemetry", "--silent", "--blobPort", "0", "--queuePort", "0", "--tablePort", "0"] },
    };

    [Theory]
    [MemberData(nameof(Emulators))]
    public async Task Emulator_ParentKilled_ExitsToo(string script, string[] arguments)
    {
        _ = fixture.Emulators; // the fixture has installed the npm packages
        var infra = RepositoryLayout.LocalInfra;
        var startInfo = new ProcessStartInfo("node") { WorkingDirectory = infra, RedirectStandardOutput = true, RedirectStandardInput = true };
        startInfo.ArgumentList.Add("-e");
        startInfo.ArgumentList.Add(Parent);
        startInfo.ArgumentList.Add(Path.Combine(infra, script));
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["PRELOAD"] = Path.Combine(infra, "exit-with-parent.js");
        using var parent = Process.Start(startInfo)!;
        var childPid = int.Parse(await parent.StandardOutput.ReadLineAsync() ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(IsRunning(childPid), "the emulator did not start");

        parent.Kill(); // SIGKILL: no chance to clean up
        await parent.WaitForExitAsync();

        Assert.True(await Eventually.HoldsAsync(() => !IsRunning(childPid), TimeSpan.FromSeconds(10)), $"emulator {childPid} outlived its parent");
    }

    // A dead child whose new parent (init) has not reaped it yet shows as a zombie: it is not running.
    private static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        try
        {
            var text = File.ReadAllText(stat);
            var state = text[(text.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state is not ("Z" or "X");
        }
        catch (IOException)
        {
            return false;
        }
    }
}
