namespace SooperSeller.DevHost.Emulators;

/// <summary>Finds the repository (the folder holding SooperSeller.sln) from wherever the build output runs.</summary>
public static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary><c>infra/local</c>: package.json pinning the emulators, and their launchers.</summary>
    public static string LocalInfra => Path.Combine(Root, "infra", "local");

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SooperSeller.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Cannot find SooperSeller.sln above the build output or the working directory; run from a clone of the repository.");
    }
}
