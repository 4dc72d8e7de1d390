using SooperSeller.DevHost.Hosting;

// `dotnet run --project functions/SooperSeller.DevHost`: the whole backend on this machine, on embedded defaults.
await using var devHost = await DevHostApp.CreateAsync(args, settings: null, CancellationToken.None);
await devHost.App.RunAsync();
