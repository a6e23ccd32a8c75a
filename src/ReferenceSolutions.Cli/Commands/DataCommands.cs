using System.CommandLine;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Core.Solutions;

namespace ReferenceSolutions.Cli.Commands;

/// <summary>
/// <c>refsol data generate &lt;solution&gt; --out DIR [--force]</c>: write a solution's built-in seeded data as CSV, all or
/// nothing like a run folder (<see cref="StagingFolder"/>); <c>refsol data fetch</c>
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
        var generate = new Command("generate", "Write the built-in seeded synthetic data of a solution as CSV, to look at what the default runs train on.")
        {
            solution, seed, output, force,
        };
        generate.SetAction(parse =>
        {
            string name = parse.GetValue(solution)!;
            ISolution chosen = solutions.FirstOrDefault(s => s.Solution.Name == name)?.Solution
                ?? throw new UserInputException($"no solution '{name}' (known: {(solutions.Count == 0 ? "none yet" : string.Join(", ", solutions.Select(s => s.Solution.Name)))})");
            using StagingFolder folder = StagingFolder.Create(parse.GetValue(output)!, parse.GetValue(force));
            IReadOnlyList<string> files;
            try
            {
                files = chosen.GenerateData(folder.Path, parse.GetValue(seed));
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
}
