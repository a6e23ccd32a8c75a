using ReferenceSolutions.Core.Data;

namespace ReferenceSolutions.Core.Models;

/// <summary>
/// The <c>models/</c> folder of a run: one sub-folder per model, named as in <c>metrics.json</c>, holding
/// <c>manifest.json</c> (<see cref="ModelManifest"/>) and the files it lists. <see cref="Save"/> writes the artifacts
/// first and the manifest last, inside the run's staging folder, so a run folder holds either every model or none.
/// </summary>
public static class SavedModels
{
    /// <summary>The folder name inside a run folder.</summary>
    public const string FolderName = "models";

    /// <summary>
    /// Saves one model under <c><paramref name="runFolder"/>/models/&lt;name&gt;/</c>: <paramref name="writeFiles"/>
    /// writes the artifacts (it is given the model's folder) and the manifest follows.
    /// </summary>
    public static string Save(string runFolder, ModelManifest manifest, Action<string> writeFiles)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(writeFiles);
        string folder = Path.Combine(runFolder, FolderName, manifest.Name);
        Directory.CreateDirectory(folder);
        writeFiles(folder);
        manifest.Write(Path.Combine(folder, ModelManifest.FileName));
        return folder;
    }

    /// <summary>
    /// The models folder that <paramref name="directory"/> names: a run folder (its <c>models/</c>), a <c>models/</c>
    /// folder, or one model's folder (holding <c>manifest.json</c>); a missing folder is a <see cref="UserInputException"/>.
    /// </summary>
    public static IReadOnlyList<string> ModelFolders(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new DataFormatException(directory, null, null, "folder not found (give a run folder, its models/ folder, or one model's folder)");
        }
        if (File.Exists(Path.Combine(directory, ModelManifest.FileName)))
        {
            return [directory];
        }
        string models = Path.Combine(directory, FolderName);
        string root = Directory.Exists(models) ? models : directory;
        string[] folders = [.. Directory.GetDirectories(root).Where(f => File.Exists(Path.Combine(f, ModelManifest.FileName))).Order(StringComparer.Ordinal)];
        return folders.Length > 0
            ? folders
            : throw new DataFormatException(directory, null, null, $"holds no saved model (no {FolderName}/<model>/{ModelManifest.FileName})");
    }

    /// <summary>
    /// Every saved model of <paramref name="solution"/> under <paramref name="directory"/> (<see cref="ModelFolders"/>),
    /// each manifest read and checked; none for that solution is a <see cref="UserInputException"/>.
    /// </summary>
    public static IReadOnlyList<(string Folder, ModelManifest Manifest)> Of(string directory, string solution)
    {
        (string Folder, ModelManifest Manifest)[] all = [.. ModelFolders(directory).Select(f => (f, ModelManifest.Read(Path.Combine(f, ModelManifest.FileName))))];
        (string, ModelManifest)[] mine = [.. all.Where(m => m.Manifest.Solution == solution)];
        return mine.Length > 0
            ? mine
            : throw new DataFormatException(directory, null, null, $"holds no saved model of '{solution}' (found: {string.Join(", ", all.Select(m => $"{m.Manifest.Name} of {m.Manifest.Solution}"))})");
    }
}
