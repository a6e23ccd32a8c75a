using System.IO.Compression;

namespace ReferenceSolutions.Core.Output;

/// <summary>
/// A zip whose bytes depend only on its entries: a library's zip (ML.NET's <c>Model.Save</c> stamps every entry with
/// the time of saving) is rewritten entry by entry, in its own order and with the same contents, each entry dated
/// <see cref="EntryTime"/> and stored uncompressed — deflate's output depends on the compression library the runtime
/// ships, a stored entry does not — so the same model gives the same file on every machine and every day.
/// </summary>
public static class ReproducibleZip
{
    /// <summary>Every entry's time: 1980-01-01 00:00, the earliest a zip (DOS) date holds.</summary>
    public static DateTimeOffset EntryTime { get; } = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Rewrites the zip in <paramref name="zip"/> (read from its start) to <paramref name="path"/>, atomically.</summary>
    public static void Write(string path, Stream zip)
    {
        ArgumentNullException.ThrowIfNull(zip);
        zip.Position = 0;
        AtomicFile.Write(path, stream =>
        {
            using var source = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
            using var target = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            foreach (ZipArchiveEntry entry in source.Entries)
            {
                ZipArchiveEntry copy = target.CreateEntry(entry.FullName, CompressionLevel.NoCompression);
                copy.LastWriteTime = EntryTime;
                using Stream from = entry.Open();
                using Stream to = copy.Open();
                from.CopyTo(to);
            }
        });
    }
}
