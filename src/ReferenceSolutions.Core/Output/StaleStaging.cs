using System.Diagnostics;
using System.Globalization;

namespace ReferenceSolutions.Core.Output;

/// <summary>
/// Names of staging folders that say which process made them (<c>PREFIX&lt;pid&gt;-&lt;random&gt;</c>), so that the folders of
/// a process that no longer runs — one killed mid-run — can be told from those of a run still going, and removed.
/// </summary>
public static class StaleStaging
{
    /// <summary>A fresh staging name for this process: <paramref name="prefix"/>, the process id, a dash and a random id.</summary>
    public static string Name(string prefix) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{Environment.ProcessId}-{Guid.NewGuid():N}");

    /// <summary>Deletes the folders in <paramref name="parent"/> named by <see cref="Name"/> with <paramref name="prefix"/> whose process has exited.</summary>
    public static void Remove(string parent, string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (!Directory.Exists(parent))
        {
            return;
        }
        foreach (string folder in Directory.EnumerateDirectories(parent))
        {
            string name = Path.GetFileName(folder);
            if (!name.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }
            string rest = name[prefix.Length..];
            int dash = rest.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && int.TryParse(rest.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) && !IsRunning(pid))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
