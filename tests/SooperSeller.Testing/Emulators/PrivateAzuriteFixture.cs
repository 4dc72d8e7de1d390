using Microsoft.Extensions.Logging.Abstractions;
using SooperSeller.DevHost.Emulators;
using Xunit;

namespace SooperSeller.Testing.Emulators;

/// <summary>
/// An Azurite of the test class's own. Queue names are fixed by the functions that read them, so on the run's shared
/// Azurite another class's DevHost would take this class's queue messages (and find nothing of them in its own
/// database); a class whose DevHosts work through queues uses this instead.
/// </summary>
public sealed class PrivateAzuriteFixture : IAsyncLifetime
{
    private Azurite? _azurite;

    public Azurite Azurite => _azurite ?? throw new InvalidOperationException("The fixture has not been initialised.");

    public async Task InitializeAsync() => _azurite = await Azurite.StartAsync(location: null, NullLogger.Instance, CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
