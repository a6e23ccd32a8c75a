using System.CommandLine;
using ReferenceSolutions.Cli.Fetching;
using ReferenceSolutions.Core.Data;

namespace ReferenceSolutions.Cli.Commands;

/// <summary>
/// <c>refsol data fetch &lt;dataset&gt; [--to DIR]</c>: download a dataset of data/README.md from its publisher into a
/// data folder (default <c>$REFSOL_DATA</c>, else <c>data/</c>), check every file's SHA-256, and print the
/// <c>refsol run</c> command that uses it. A failed, corrupt, oversized, stalled or redirected-away download leaves
/// nothing behind (exit 2); see <see cref="DatasetFetcher"/> for every bound.
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
        var timeout = new Option<int>("--timeout") { Description = "Seconds the whole fetch may take.", DefaultValueFactory = _ => (int)FetchLimits.Default.Total.TotalSeconds };
        var stall = new Option<int>("--stall-timeout") { Description = "Seconds a download may go without receiving a byte.", DefaultValueFactory = _ => (int)FetchLimits.Default.Stall.TotalSeconds };
        var fetch = new Command("fetch", "Download a real dataset from its publisher, check its size and SHA-256 and print the run command that uses it.")
        {
            dataset, to, timeout, stall, sources,
        };
        fetch.SetAction(parse =>
        {
            FetchableDataset chosen = FetchCatalog.Find(parse.GetValue(dataset)!, parse.GetValue(sources));
            var limits = new FetchLimits(TimeSpan.FromSeconds(Seconds(parse.GetValue(timeout), "--timeout")), TimeSpan.FromSeconds(Seconds(parse.GetValue(stall), "--stall-timeout")));
            string? toValue = parse.GetValue(to);
            string folder = toValue is null ? DataDirectory.Resolve() : Path.GetFullPath(toValue);
            if (DatasetFetcher.IsPresent(chosen, folder))
            {
                io.Out.WriteLine($"{chosen.Name} is already in {folder} (SHA-256 checked)");
            }
            else
            {
                using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
                http.DefaultRequestHeaders.UserAgent.ParseAdd($"refsol/{typeof(DataFetchCommand).Assembly.GetName().Version}");
                foreach (string file in new DatasetFetcher(http, io.Console, limits).Fetch(chosen, folder))
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

    private static int Seconds(int value, string option) =>
        value is >= 1 and <= 86_400 ? value : throw new UserInputException($"{option} must be a whole number of seconds in 1..86400, not {value}");

    private static string Quote(string argument) =>
        argument.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '$' or '\\') ? $"'{argument.Replace("'", "'\\''", StringComparison.Ordinal)}'" : argument;
}
