using System.CommandLine;
using ReferenceSolutions.Cli.Console;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.Recommender.Models;
using ReferenceSolutions.Recommender.Ratings;

namespace ReferenceSolutions.Cli.Commands;

/// <summary>
/// <c>refsol data generate &lt;solution&gt; --out DIR [--force]</c>: write a solution's built-in seeded data as CSV, all or
/// nothing like a run folder (<see cref="StagingFolder"/>); <c>refsol data generate recommender --ratings N [--users U
/// --items I] [--format csv|parquet]</c>: a skewed planted-rank rating set of any size instead (<see cref="SkewedRatings"/>),
/// as ratings.csv or ratings.parquet; <c>refsol data fetch</c>
/// (see <see cref="DataFetchCommand"/>): download a real dataset.
/// </summary>
internal static class DataCommands
{
    public static Command Create(CliIo io, IReadOnlyList<SolutionCommands> solutions)
    {
        var data = new Command("data", "Work with the suite's data.");
        var solution = new Argument<string>("solution") { Description = "Which solution's generator to run." };
        solution.HelpName = string.Join("|", solutions.Select(s => s.Solution.Name));
        Option<ulong> seed = CommonOptions.Seed();
        var output = new Option<string>("--out") { Description = "Folder to write the CSV files to: new or empty (or replaced whole with --force).", Required = true };
        Option<bool> force = CommonOptions.Force();
        var ratings = new Option<long?>("--ratings") { Description = "recommender only: write N ratings with MovieLens-like skew instead of the built-in set (streamed; any size)." };
        var users = new Option<int?>("--users") { Description = "With --ratings: the number of users (default: MovieLens 25M's users per rating)." };
        var items = new Option<int?>("--items") { Description = "With --ratings: the number of items (default: MovieLens 25M's items per rating)." };
        var format = new Option<string?>("--format") { Description = "With --ratings: csv (ratings.csv, the default) or parquet (ratings.parquet: userId INT64, movieId INT64, rating DOUBLE; row groups of 2²⁰ ratings)." };
        format.AcceptOnlyFromAmong("csv", "parquet");
        var generate = new Command("generate", "Write the built-in seeded synthetic data of a solution as CSV, to look at what the default runs train on.")
        {
            solution, seed, output, force, ratings, users, items, format,
        };
        generate.SetAction(parse =>
        {
            string name = parse.GetValue(solution)!;
            ISolution chosen = solutions.FirstOrDefault(s => s.Solution.Name == name)?.Solution
                ?? throw new UserInputException($"no solution '{name}' (known: {(solutions.Count == 0 ? "none yet" : string.Join(", ", solutions.Select(s => s.Solution.Name)))})");
            Func<string, ulong, IReadOnlyList<string>> write = Skewed(io, name, parse.GetValue(ratings), parse.GetValue(users), parse.GetValue(items), parse.GetValue(format)) ?? chosen.GenerateData;
            using StagingFolder folder = StagingFolder.Create(parse.GetValue(output)!, parse.GetValue(force));
            IReadOnlyList<string> files;
            try
            {
                files = write(folder.Path, parse.GetValue(seed));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UserInputException($"--out {folder.Target}: cannot write there ({e.Message})");
            }
            folder.Commit();
            foreach (string file in files)
            {
                io.Out.WriteLine(Path.Combine(folder.Target, Path.GetRelativePath(folder.Path, file)));
            }
            return ExitCodes.Success;
        });
        data.Subcommands.Add(generate);
        data.Subcommands.Add(DataFetchCommand.Create(io));
        return data;
    }

    /// <summary>The skewed generator when <c>--ratings</c> is given for the recommender, else null (the built-in set).</summary>
    private static Func<string, ulong, IReadOnlyList<string>>? Skewed(CliIo io, string solution, long? ratings, int? users, int? items, string? format)
    {
        if (ratings is null)
        {
            return users is null && items is null && format is null ? null : throw new UserInputException("--users, --items and --format need --ratings N");
        }
        if (solution != RecommenderModels.Solution)
        {
            throw new UserInputException($"--ratings: only 'data generate {RecommenderModels.Solution}' generates ratings (not '{solution}')");
        }
        (int defaultUsers, int defaultItems) = SkewedRatings.DefaultShape(ratings.Value);
        (int m, int n) = (users ?? defaultUsers, items ?? defaultItems);
        SkewedRatings.Require(ratings.Value, m, n);
        return (folder, seed) =>
        {
            string path = Path.Combine(folder, format == "parquet" ? "ratings.parquet" : "ratings.csv");
            SpectreProgress.Run(io.Console, "data", progress =>
            {
                SkewedRatings.Write(path, ratings.Value, m, n, seed, progress);
                return path;
            });
            return [path];
        };
    }
}
