namespace ReferenceSolutions.Cli.Fetching;

/// <summary>
/// One download from a dataset's publisher: the URL, and the files it yields under the data folder with their SHA-256
/// and size. A plain file yields itself (one entry, no <see cref="FetchedFile.Member"/>); a zip archive yields the
/// listed members. The download may not exceed <see cref="DownloadLimit"/> bytes.
/// </summary>
internal sealed record FetchSource(string Url, IReadOnlyList<FetchedFile> Files, long? MaxBytes = null)
{
    /// <summary>Room above the listed members' total that a zip archive's headers and unlisted members may take.</summary>
    public const long ArchiveMargin = 1 << 20;

    /// <summary>True when the download is a zip archive to unpack (every file names its member).</summary>
    public bool IsZip => Files.Any(f => f.Member is not null);

    /// <summary>
    /// The most bytes the download may have: <see cref="MaxBytes"/> when the catalog states it, else the file's size for
    /// a plain file, else twice the listed members' total plus <see cref="ArchiveMargin"/> for an archive.
    /// </summary>
    public long DownloadLimit => MaxBytes ?? (IsZip ? (2 * Files.Sum(f => f.Bytes)) + ArchiveMargin : Files.Sum(f => f.Bytes));
}

/// <summary>
/// A file a download yields: its path under the data folder (as in data/README.md), its SHA-256 (lower-case hex), its
/// size in bytes and, for a zip archive, the entry it is unpacked from.
/// </summary>
internal sealed record FetchedFile(string Path, string Sha256, long Bytes, string? Member = null);
