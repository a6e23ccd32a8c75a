using ReferenceSolutions.Core.Data;

namespace ReferenceSolutions.Core.Reporting.Html;

/// <summary>
/// Where a run page's check links point: the <c>docs/</c> folder of the repository the running <c>refsol</c> was
/// built in (found by walking up from the running assembly to ReferenceSolutions.sln, <see cref="DatasetLocator.RepositoryRoot"/>).
/// A run folder inside that repository (the default <c>runs/…</c> of a clone) gets a relative URL, e.g.
/// <c>../../docs/</c>, which keeps working when the clone moves; a run folder elsewhere gets the absolute
/// <c>file:///…/docs/</c> URL. A <c>refsol</c> that does not run from a clone gives null: the page shows the ids
/// without links. Neither kind of link is requested by the page; it is followed only when clicked.
/// </summary>
public static class DocsBase
{
    /// <summary>The docs URL (ending in <c>/</c>) for a page in <paramref name="runFolder"/> (its final path), or null.</summary>
    public static string? For(string runFolder) => For(runFolder, DatasetLocator.RepositoryRoot());

    /// <summary>The docs URL for a page in <paramref name="runFolder"/> when the repository is at <paramref name="repositoryRoot"/>.</summary>
    public static string? For(string runFolder, string? repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(runFolder);
        if (repositoryRoot is null || !File.Exists(Path.Combine(repositoryRoot, "docs", "parity.md")))
        {
            return null;
        }
        string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(repositoryRoot));
        string folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(runFolder));
        string docs = Path.Combine(root, "docs");
        if (folder.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            string relative = Path.GetRelativePath(folder, docs).Replace(Path.DirectorySeparatorChar, '/');
            return string.Join('/', relative.Split('/').Select(Uri.EscapeDataString)) + "/";
        }
        return new Uri(docs + Path.DirectorySeparatorChar).AbsoluteUri;
    }
}
