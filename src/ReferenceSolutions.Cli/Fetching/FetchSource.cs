namespace ReferenceSolutions.Cli.Fetching;

/// <summary>
/// One download from a dataset's publisher: the URL, and the files it yields under the data folder with their SHA-256.
/// A plain file yields itself (one entry, no <see cref="FetchedFile.Member"/>); a zip archive yields the listed members.
/// </summary>
internal sealed record FetchSource(string Url, IReadOnlyList<FetchedFile> Files)
{
    /// <summary>True when the download is a zip archive to unpack (every file names its member).</summary>
    public bool IsZip => Files.Any(f => f.Member is not null);
}

/// <summary>
/// A file a download yields: its path under the data folder (as in data/README.md), its SHA-256 (lower-case hex) and,
/// for a zip archive, the entry it is unpacked from.
/// </summary>
internal sealed record FetchedFile(string Path, string Sha256, string? Member = null);
