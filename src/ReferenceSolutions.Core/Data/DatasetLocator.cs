namespace ReferenceSolutions.Core.Data;

/// <summary>
/// Finds a real dataset file for tests, benchmarks and notebooks: in <c>$REFSOL_DATA</c> (or <c>data/</c>), then in
/// <c>shared/datasets</c> beside the repository (found by walking up from the running assembly to ReferenceSolutions.sln).
/// </summary>
public static class DatasetLocator
{
    /// <summary>The file name that marks the repository root.</summary>
    public const string SolutionFile = "ReferenceSolutions.sln";

    /// <summary>The full path of <paramref name="relativePath"/> (e.g. <c>optdigits/optdigits-train.csv</c>), or null when absent.</summary>
    public static string? Find(string relativePath)
    {
        string inDataDirectory = Path.Combine(DataDirectory.Resolve(), relativePath);
        if (File.Exists(inDataDirectory))
        {
            return inDataDirectory;
        }
        string? root = RepositoryRoot();
        if (root is null)
        {
            return null;
        }
        string beside = Path.GetFullPath(Path.Combine(root, "..", "shared", "datasets", relativePath));
        return File.Exists(beside) ? beside : null;
    }

    /// <summary>The folder holding ReferenceSolutions.sln above the running assembly, or null.</summary>
    public static string? RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
            {
                return folder.FullName;
            }
        }
        return null;
    }
}
