using Xunit;

namespace SooperSeller.Testing.Emulators;

/// <summary>xunit class fixture that hands a test class the run's <see cref="SharedEmulators"/>.</summary>
public sealed class EmulatorsFixture : IAsyncLifetime
{
    private SharedEmulators? _emulators;

    public SharedEmulators Emulators => _emulators ?? throw new InvalidOperationException("The fixture has not been initialised.");

    public async Task InitializeAsync() => _emulators = await SharedEmulators.GetAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
