using System.IO.Compression;
using System.Security.Cryptography;
using ReferenceSolutions.Core.Data;
using Spectre.Console;

namespace ReferenceSolutions.Cli.Fetching;

/// <summary>
/// Downloads a dataset into a data folder, all or nothing: every source goes to a staging folder inside the data folder,
/// zip archives are unpacked there, every file's SHA-256 is checked, and only then are the files renamed into place.
/// Any failure (HTTP error, a connection cut short, a length or checksum mismatch, a bad archive) deletes the staging
/// folder, and the data folder itself when the fetch created it, and is reported as a <see cref="UserInputException"/>.
/// </summary>
internal sealed class DatasetFetcher(HttpClient http, IAnsiConsole console)
{
    private const int BufferSize = 1 << 16;

    /// <summary>Fetches <paramref name="dataset"/> into <paramref name="folder"/>; returns the files' full paths.</summary>
    public IReadOnlyList<string> Fetch(FetchableDataset dataset, string folder)
    {
        if (dataset.NotServed is not null)
        {
            throw new UserInputException($"cannot fetch '{dataset.Name}': {dataset.NotServed}");
        }
        string[] targets = [.. dataset.Files.Select(f => Inside(folder, f.Path))];
        bool createdFolder = !Directory.Exists(folder);
        string staging = Path.Combine(folder, $".refsol-fetch-{dataset.Name}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(staging);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"cannot write into {folder}: {e.Message}", e);
        }
        try
        {
            console.Progress()
                .AutoClear(false)
                .HideCompleted(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(),
                    new TransferSpeedColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    for (int i = 0; i < dataset.Sources.Count; i++)
                    {
                        FetchSource source = dataset.Sources[i];
                        ProgressTask task = context.AddTask(Markup.Escape(FileNameOf(source.Url)), maxValue: 1);
                        string download = Path.Combine(staging, $"download-{i}");
                        Download(source.Url, download, task);
                        Stage(source, download, staging);
                    }
                });
            foreach (FetchedFile file in dataset.Files)
            {
                string target = Path.Combine(folder, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(Path.Combine(staging, file.Path), target, overwrite: true);
            }
            return targets;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"cannot write into {folder}: {e.Message}; nothing was written", e);
        }
        finally
        {
            Directory.Delete(createdFolder && !targets.All(File.Exists) ? folder : staging, recursive: true);
        }
    }

    /// <summary>True when every file of <paramref name="dataset"/> is in <paramref name="folder"/> with its SHA-256.</summary>
    public static bool IsPresent(FetchableDataset dataset, string folder) =>
        dataset.NotServed is null && dataset.Files.All(f =>
        {
            string path = Path.Combine(folder, f.Path);
            return File.Exists(path) && Sha256Hex(path) == f.Sha256;
        });

    private void Download(string url, string path, ProgressTask task)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using HttpResponseMessage response = http.Send(request, HttpCompletionOption.ResponseHeadersRead);
            if (!response.IsSuccessStatusCode)
            {
                throw new UserInputException($"download of {url} failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}; nothing was written");
            }
            long? length = response.Content.Headers.ContentLength;
            task.MaxValue = length ?? 1;
            task.IsIndeterminate = length is null;
            long received = 0;
            using (Stream body = response.Content.ReadAsStream())
            using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize))
            {
                byte[] buffer = new byte[BufferSize];
                int read;
                while ((read = body.Read(buffer)) > 0)
                {
                    output.Write(buffer, 0, read);
                    received += read;
                    task.Value = received;
                }
            }
            if (length is not null && received != length)
            {
                throw new UserInputException($"download of {url} ended after {received} of {length} bytes; nothing was written");
            }
            task.MaxValue = Math.Max(received, 1);
            task.Value = task.MaxValue;
            task.IsIndeterminate = false;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            throw new UserInputException($"download of {url} failed: {e.Message}; nothing was written", e);
        }
    }

    /// <summary>Puts the files of <paramref name="source"/> at their paths under <paramref name="staging"/>, checked.</summary>
    private static void Stage(FetchSource source, string download, string staging)
    {
        if (!source.IsZip)
        {
            FetchedFile file = source.Files.Single();
            Verify(source.Url, file, download);
            Move(download, Path.Combine(staging, file.Path));
            return;
        }
        try
        {
            using ZipArchive archive = ZipFile.OpenRead(download);
            foreach (FetchedFile file in source.Files)
            {
                ZipArchiveEntry entry = archive.GetEntry(file.Member!)
                    ?? throw new UserInputException($"{source.Url}: the archive has no entry '{file.Member}'; nothing was written");
                string staged = Path.Combine(staging, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
                entry.ExtractToFile(staged);
                Verify($"{source.Url} ({file.Member})", file, staged);
            }
        }
        catch (InvalidDataException e)
        {
            throw new UserInputException($"{source.Url}: not a readable zip archive ({e.Message}); nothing was written", e);
        }
        File.Delete(download);
    }

    private static void Verify(string origin, FetchedFile file, string path)
    {
        string actual = Sha256Hex(path);
        if (actual != file.Sha256)
        {
            throw new UserInputException($"{origin}: SHA-256 of {file.Path} is {actual}, expected {file.Sha256} (data/README.md); "
                + "the download is corrupt or the publisher changed the file; nothing was written");
        }
    }

    private static void Move(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Move(from, to);
    }

    private static string Sha256Hex(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>The full path of <paramref name="path"/> under <paramref name="folder"/>, which it must not leave.</summary>
    private static string Inside(string folder, string path)
    {
        string full = Path.GetFullPath(Path.Combine(folder, path));
        return full.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new UserInputException($"dataset file '{path}' would be written outside {folder}");
    }

    private static string FileNameOf(string url) => Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) ? Path.GetFileName(uri.LocalPath) : url;
}
