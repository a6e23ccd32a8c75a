using System.CommandLine;
using ReferenceSolutions.Cli.Fetching;
using ReferenceSolutions.Core.Data;

namespace ReferenceSolutions.Cli.Commands;

/// <summary>
/// <c>refsol data fetch &lt;dataset&gt; [--to DIR]</c>: download a dataset of data/README.md from its publisher into a
/// data folder (default <c>$REFSOL_DATA</c>, else <c>data/</c>), check every file's SHA-256, and print the
/// <c>refsol run</c> command that uses it. A failed or corrupt download leaves nothing behind (exit 2).
/// </summary>
internal static class DataFetchCommand
{
    /// <summary>The hidden option that replaces a dataset's sources (URLs and SHA-256) by a JSON file's, for tests.</summary>
    public const string SourcesOption = "--sources";

    public static Command Create(CliIo io)
    {
        var dataset = new Argument<string>("dataset") { Description = "Which dataset of data/README.md to download." };
        dataset.HelpName = string.Join("|", FetchCatalog.Names);
        var to = new Option<string?>("--to") { Description = $"Data folder to put it in (default: ${DataDirectory.Variable}, else ./data)." };
        var sources = new Option<string?>(SourcesOption)
        {
            Description = "JSON file replacing the datasets' download URLs and SHA-256 sums (for testing against a local server).",
            Hidden = true,
        };
        var fetch = new Command("fetch", "Download a real dataset from its publisher, check its SHA-256 and print the run command that uses it.")
        {
            dataset, to, sources,
        };
        fetch.SetAction(parse =>
        {
            FetchableDataset chosen = FetchCatalog.Find(parse.GetValue(dataset)!, parse.GetValue(sources));
            string? toValue = parse.GetValue(to);
            string folder = toValue is null ? DataDirectory.Resolve() : Path.GetFullPath(toValue);
            if (DatasetFetcher.IsPresent(chosen, folder))
            {
                io.Out.WriteLine($"{chosen.Name} is already in {folder} (SHA-256 checked)");
            }
            else
            {
                using var http = new HttpClient();
                http.DefaultRequestHeaders.UserAgent.ParseAdd($"refsol/{typeof(DataFetchCommand).Assembly.GetName().Version}");
                foreach (string file in new DatasetFetcher(http, io.Console).Fetch(chosen, folder))
                {
                    io.Out.WriteLine(file);
                }
            }
            io.Out.WriteLine("run it with:");
            io.Out.WriteLine($"  refsol {string.Join(' ', chosen.RunArguments(folder).Select(Quote))}");
            return ExitCodes.Success;
        });
        return fetch;
    }

    private static string Quote(string argument) =>
        argument.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '$' or '\\') ? $"'{argument.Replace("'", "'\\''", StringComparison.Ordinal)}'" : argument;
}
