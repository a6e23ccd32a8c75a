namespace ReferenceSolutions.Serve.Tests.Browser;

/// <summary>
/// Where the browser tests keep their screenshots: <c>$REFSOL_TEST_ARTIFACTS</c>, else <c>TestResults/browser</c> at the
/// repository root (ignored by git), so CI can keep them and a developer can look at them.
/// </summary>
internal static class Artifacts
{
    /// <summary>The folder, created on first use.</summary>
    public static string Folder { get; } = Create();

    private static string Create()
    {
        string? named = Environment.GetEnvironmentVariable("REFSOL_TEST_ARTIFACTS");
        string folder = named is { Length: > 0 } ? named : Path.Combine(RepositoryRoot(), "TestResults", "browser");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ReferenceSolutions.sln")))
            {
                return directory.FullName;
            }
        }
        return Path.GetTempPath();
    }
}
