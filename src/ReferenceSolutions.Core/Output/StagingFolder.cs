using ReferenceSolutions.Core.Data;

namespace ReferenceSolutions.Core.Output;

/// <summary>
/// An output folder written all or nothing: everything goes into a hidden staging folder beside the target
/// (<c>.NAME.refsol-partial-PID-ID</c>, same parent, so the final rename is atomic), and <see cref="Commit"/> renames it
/// into place once every file is written. Disposed without a commit, the staging folder is deleted, so a failed run
/// leaves nothing new. A target that is an existing file, or a non-empty folder without <c>force</c>, is refused up
/// front; with <c>force</c> the old folder is replaced whole at commit. Parent folders created for the target are
/// removed again when nothing is committed. Staging folders left by processes that no
/// longer run (killed mid-run) are removed when the next one starts.
/// </summary>
public sealed class StagingFolder : IDisposable
{
    private readonly bool _force;
    private readonly string? _createdParent;
    private bool _committed;

    private StagingFolder(string target, string path, bool force, string? createdParent)
    {
        Target = target;
        Path = path;
        _force = force;
        _createdParent = createdParent;
    }

    /// <summary>The folder the results end up in (full path).</summary>
    public string Target { get; }

    /// <summary>The staging folder to write into (full path).</summary>
    public string Path { get; }

    /// <summary>
    /// Checks <paramref name="target"/> and creates its staging folder; every refusal or filesystem failure is a
    /// <see cref="UserInputException"/> naming <paramref name="option"/> and the path.
    /// </summary>
    public static StagingFolder Create(string target, bool force, string option = "--out")
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            throw new UserInputException($"{option}: the folder name is empty");
        }
        string full;
        try
        {
            full = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(target));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UserInputException($"{option} {Echo.Value(target)}: not a usable path ({e.Message})");
        }
        string parent = System.IO.Path.GetDirectoryName(full) ?? throw new UserInputException($"{option} {full}: cannot write results into the file-system root");
        string name = System.IO.Path.GetFileName(full);
        if (File.Exists(full))
        {
            throw new UserInputException($"{option} {full}: is a file; name a folder (new, empty, or replaced with --force)");
        }
        if (Directory.Exists(full) && !force && Directory.EnumerateFileSystemEntries(full).Any())
        {
            throw new UserInputException($"{option} {full}: the folder exists and is not empty; choose a new folder, or add --force to replace it whole");
        }
        try
        {
            string? createdParent = FirstMissing(parent);
            Directory.CreateDirectory(parent);
            string prefix = $".{name}.refsol-partial-";
            StaleStaging.Remove(parent, prefix);
            string staging = System.IO.Path.Combine(parent, StaleStaging.Name(prefix));
            Directory.CreateDirectory(staging);
            return new StagingFolder(full, staging, force, createdParent);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"{option} {full}: cannot create a folder there ({e.Message})");
        }
    }

    /// <summary>Renames the staging folder into place (replacing an existing target when forced or empty).</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        try
        {
            string? replaced = null;
            if (Directory.Exists(Target))
            {
                if (!_force && Directory.EnumerateFileSystemEntries(Target).Any())
                {
                    throw new UserInputException($"--out {Target}: the folder was filled by someone else during the run; the results are left in {Path}");
                }
                replaced = $"{Path}.replaced";
                Directory.Move(Target, replaced);
            }
            Directory.Move(Path, Target);
            _committed = true;
            if (replaced is not null)
            {
                Directory.Delete(replaced, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"--out {Target}: could not move the finished results into place ({e.Message}); they are in {Path}");
        }
    }

    /// <summary>Deletes the staging folder (and the parents created for it) unless it was committed.</summary>
    public void Dispose()
    {
        if (!_committed && Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
            if (_createdParent is not null && Directory.Exists(_createdParent) && !Directory.EnumerateFileSystemEntries(_createdParent, "*", SearchOption.AllDirectories).Any(File.Exists))
            {
                Directory.Delete(_createdParent, recursive: true);
            }
        }
        _committed = true;
    }

    /// <summary>The outermost ancestor of <paramref name="folder"/> (itself included) that does not exist yet, or null.</summary>
    private static string? FirstMissing(string folder)
    {
        string? missing = null;
        for (string? current = folder; current is not null && !Directory.Exists(current); current = System.IO.Path.GetDirectoryName(current))
        {
            missing = current;
        }
        return missing;
    }
}
