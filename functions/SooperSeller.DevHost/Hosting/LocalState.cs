namespace SooperSeller.DevHost.Hosting;

/// <summary>
/// Where the DevHost keeps what it must remember between runs, under the user's local data directory and never in the
/// repository: the development HTTPS certificate, the local secret store, and a note of the running DevHost's storage
/// address for the replay command. Delete the folder to wipe it.
/// </summary>
public static class LocalState
{
    public static string Directory { get; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "SooperSeller", "devhost");

    /// <summary>The running DevHost's <c>AzureWebJobsStorage</c>, so <c>replay</c> reaches the Azurite it started.</summary>
    public static string RunningStoragePath => Path.Combine(Directory, "running-storage.txt");

    public static string Ensure()
    {
        System.IO.Directory.CreateDirectory(Directory);
        return Directory;
    }
}
