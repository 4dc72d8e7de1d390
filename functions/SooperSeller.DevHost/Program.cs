using SooperSeller.DevHost.Hosting;

// `dotnet run --project functions/SooperSeller.DevHost`: the whole backend on this machine, on embedded defaults.
// `... -- replay <queue> [--max N]`: move poison messages back to their queue.
if (args is ["replay", ..])
{
    var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)).ToArray()).Build();
    return await PoisonQueueReplay.MainAsync(args, configuration, Console.Out, CancellationToken.None);
}

// `... -- create-staff <email>`: a platform staff account (password from SOOPERSELLER_STAFF_PASSWORD or stdin); prints the otpauth:// URI once.
if (args is ["create-staff", ..])
{
    var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)).ToArray()).Build();
    return await StaffBootstrap.MainAsync(args, configuration, Console.In, Console.Out, CancellationToken.None);
}

await using var devHost = await DevHostApp.CreateAsync(args, overrides: null, CancellationToken.None);
await devHost.App.RunAsync();
return 0;
