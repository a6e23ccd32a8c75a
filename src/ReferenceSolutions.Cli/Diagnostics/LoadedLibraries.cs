namespace ReferenceSolutions.Cli.Diagnostics;

/// <summary>The shared objects mapped into this process, read from <c>/proc/self/maps</c> (Linux only).</summary>
internal static class LoadedLibraries
{
    /// <summary>The path of the first mapped file whose name contains <paramref name="fileName"/>, or null.</summary>
    public static string? Find(string fileName)
    {
        const string maps = "/proc/self/maps";
        if (!File.Exists(maps))
        {
            return null;
        }
        return File.ReadLines(maps)
            .Select(line => line.IndexOf('/', StringComparison.Ordinal) is int slash and >= 0 ? line[slash..].Trim() : null)
            .FirstOrDefault(path => path is not null && Path.GetFileName(path).Contains(fileName, StringComparison.Ordinal));
    }
}
