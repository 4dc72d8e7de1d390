using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// In-process: the benchmarks start emulators (node processes) that a separately generated benchmark project could
// not find, and the repository's central package management would get in the way of BenchmarkDotNet's own build.
if (args.Contains(SooperSeller.Benchmarks.Stores.WebhookLoadScenario.Switch))
{
    // A load scenario, not a BenchmarkDotNet benchmark (README, section Benchmarks).
    return await SooperSeller.Benchmarks.Stores.WebhookLoadScenario.RunAsync(args);
}

var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(SooperSeller.Benchmarks.Cosmos.TenantStoreBenchmarks).Assembly).Run(args, config);
return 0;
