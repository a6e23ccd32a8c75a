using System.IO.Compression;
using System.Security.Cryptography;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Output;
using Spectre.Console;

namespace ReferenceSolutions.Cli.Fetching;

/// <summary>
/// Downloads a dataset into a data folder, all or nothing: every source goes to a staging folder inside the data folder,
/// zip archives are unpacked there, every file's SHA-256 is checked, and only then are the files renamed into place.
/// Every download is bounded: no more bytes than the catalog allows (<see cref="FetchSource.DownloadLimit"/>, checked
/// against the announced length and while reading), no longer than <see cref="FetchLimits.Total"/>, no read waiting
/// longer than <see cref="FetchLimits.Stall"/>, redirects followed only within the URL's own host, and every archive
/// entry checked against its listed size before and while it is extracted. Any failure deletes the staging folder (and
/// the data folder itself when the fetch created it) and is a <see cref="UserInputException"/>; staging folders left
/// by a killed fetch are removed by the next one.
/// </summary>
internal sealed class DatasetFetcher(HttpClient http, IAnsiConsole console, FetchLimits limits)
{
    private const int BufferSize = 1 << 16;
    private const string StagingPrefix = ".refsol-fetch-";

    /// <summary>Fetches <paramref name="dataset"/> into <paramref name="folder"/>; returns the files' full paths.</summary>
    public IReadOnlyList<string> Fetch(FetchableDataset dataset, string folder)
    {
        if (dataset.NotServed is not null)
        {
            throw new UserInputException($"cannot fetch '{dataset.Name}': {dataset.NotServed}");
        }
        string[] targets = [.. dataset.Files.Select(f => Inside(folder, f.Path))];
        bool createdFolder = !Directory.Exists(folder);
        string staging;
        try
        {
            StaleStaging.Remove(folder, StagingPrefix);
            staging = Path.Combine(folder, StaleStaging.Name(StagingPrefix));
            Directory.CreateDirectory(staging);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"cannot write into {folder}: {e.Message}", e);
        }
        using var deadline = new CancellationTokenSource(limits.Total);
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
                        Download(source, download, task, deadline.Token);
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

    private void Download(FetchSource source, string path, ProgressTask task, CancellationToken deadline)
    {
        string url = source.Url;
        long limit = source.DownloadLimit;
        try
        {
            using HttpResponseMessage response = Get(new Uri(url), deadline);
            long? length = response.Content.Headers.ContentLength;
            if (length > limit)
            {
                throw new UserInputException($"download of {url} announces {length} bytes, more than the {limit} this file can have; nothing was written");
            }
            task.MaxValue = length ?? limit;
            long received = 0;
            using (Stream body = response.Content.ReadAsStream(deadline))
            using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize))
            {
                byte[] buffer = new byte[BufferSize];
                int read;
                while ((read = Read(body, buffer, deadline)) > 0)
                {
                    received += read;
                    if (received > limit)
                    {
                        throw new UserInputException($"download of {url} sent more than the {limit} bytes this file can have; stopped, nothing was written");
                    }
                    output.Write(buffer, 0, read);
                    task.Value = received;
                }
            }
            if (length is not null && received != length)
            {
                throw new UserInputException($"download of {url} ended after {received} of {length} bytes; nothing was written");
            }
            task.MaxValue = Math.Max(received, 1);
            task.Value = task.MaxValue;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new UserInputException($"download of {url} did not finish within {limits.Total.TotalSeconds:0} s (--timeout); nothing was written");
        }
        catch (OperationCanceledException)
        {
            throw new UserInputException($"download of {url} stalled: nothing arrived for {limits.Stall.TotalSeconds:0} s (--stall-timeout); nothing was written");
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new UserInputException($"download of {url} failed: {e.Message}; nothing was written", e);
        }
    }

    /// <summary>GETs <paramref name="url"/>, following at most <see cref="FetchLimits.MaxRedirects"/> redirects within its host.</summary>
    private HttpResponseMessage Get(Uri url, CancellationToken deadline)
    {
        Uri current = url;
        for (int hop = 0; ; hop++)
        {
            using var stall = CancellationTokenSource.CreateLinkedTokenSource(deadline);
            stall.CancelAfter(limits.Stall);
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            HttpResponseMessage response = http.Send(request, HttpCompletionOption.ResponseHeadersRead, stall.Token);
            int status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && response.Headers.Location is Uri location)
            {
                response.Dispose();
                Uri next = location.IsAbsoluteUri ? location : new Uri(current, location);
                if (!string.Equals(next.Host, url.Host, StringComparison.OrdinalIgnoreCase) || next.Scheme is not ("http" or "https"))
                {
                    throw new UserInputException($"download of {url} was redirected to {Echo.Value(next.GetLeftPart(UriPartial.Authority))}, another host; refused, nothing was written");
                }
                if (hop == FetchLimits.MaxRedirects)
                {
                    throw new UserInputException($"download of {url} was redirected more than {FetchLimits.MaxRedirects} times; refused, nothing was written");
                }
                current = next;
                continue;
            }
            if (!response.IsSuccessStatusCode)
            {
                response.Dispose();
                throw new UserInputException($"download of {url} failed: HTTP {status} {Echo.Value(response.ReasonPhrase)}; nothing was written");
            }
            return response;
        }
    }

    /// <summary>One read of the body, abandoned when nothing arrives within <see cref="FetchLimits.Stall"/>.</summary>
    private int Read(Stream body, byte[] buffer, CancellationToken deadline)
    {
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(deadline);
        stall.CancelAfter(limits.Stall);
        return body.ReadAsync(buffer, stall.Token).AsTask().GetAwaiter().GetResult();
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
                    ?? throw new UserInputException($"{source.Url}: the archive has no entry '{Echo.Value(file.Member)}'; nothing was written");
                if (entry.Length != file.Bytes)
                {
                    throw new UserInputException($"{source.Url}: the archive's entry '{Echo.Value(file.Member)}' declares {entry.Length} bytes, data/README.md lists {file.Bytes}; refused before extracting, nothing was written");
                }
                string staged = Path.Combine(staging, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
                Extract(source.Url, entry, file.Bytes, staged);
                Verify($"{source.Url} ({file.Member})", file, staged);
            }
        }
        catch (InvalidDataException e)
        {
            throw new UserInputException($"{source.Url}: not a readable zip archive ({e.Message}); nothing was written", e);
        }
        File.Delete(download);
    }

    /// <summary>Extracts <paramref name="entry"/>, stopping as soon as it yields more than <paramref name="bytes"/> bytes (its header may lie).</summary>
    private static void Extract(string url, ZipArchiveEntry entry, long bytes, string path)
    {
        using Stream from = entry.Open();
        using var to = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize);
        byte[] buffer = new byte[BufferSize];
        long written = 0;
        int read;
        while ((read = from.Read(buffer)) > 0)
        {
            written += read;
            if (written > bytes)
            {
                throw new UserInputException($"{url}: the archive's entry '{Echo.Value(entry.FullName)}' holds more than its {bytes} bytes; stopped, nothing was written");
            }
            to.Write(buffer, 0, read);
        }
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
            : throw new UserInputException($"dataset file '{Echo.Value(path)}' would be written outside {folder}");
    }

    private static string FileNameOf(string url) => Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) ? Path.GetFileName(uri.LocalPath) : url;
}
