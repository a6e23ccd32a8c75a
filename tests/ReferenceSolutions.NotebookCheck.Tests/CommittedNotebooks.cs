namespace ReferenceSolutions.NotebookCheck.Tests;

/// <summary>The repository's notebooks/*.ipynb, found above the test assembly by ReferenceSolutions.sln.</summary>
internal static class CommittedNotebooks
{
    public static IReadOnlyList<string> Paths
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ReferenceSolutions.sln")))
            {
                folder = folder.Parent;
            }
            string root = folder?.FullName ?? throw new InvalidOperationException("ReferenceSolutions.sln not found above the test assembly");
            string[] paths = Directory.GetFiles(Path.Combine(root, "notebooks"), "*.ipynb");
            Array.Sort(paths, StringComparer.Ordinal);
            return paths.Length > 0 ? paths : throw new InvalidOperationException("no notebooks/*.ipynb");
        }
    }
}
