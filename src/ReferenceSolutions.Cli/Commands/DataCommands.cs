using System.CommandLine;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Solutions;

namespace ReferenceSolutions.Cli.Commands;

/// <summary>
/// <c>refsol data generate &lt;solution&gt; --out DIR</c>: write a solution's built-in seeded data as CSV; <c>refsol data fetch</c>
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
        var output = new Option<string>("--out") { Description = "Folder to write the CSV files to.", Required = true };
        var generate = new Command("generate", "Write the built-in seeded synthetic data of a solution as CSV, to look at what the default runs train on.")
        {
            solution, seed, output,
        };
        generate.SetAction(parse =>
        {
            string name = parse.GetValue(solution)!;
            ISolution chosen = solutions.FirstOrDefault(s => s.Solution.Name == name)?.Solution
                ?? throw new UserInputException($"no solution '{name}' (known: {(solutions.Count == 0 ? "none yet" : string.Join(", ", solutions.Select(s => s.Solution.Name)))})");
            string folder = OutputFolder(parse.GetValue(output));
            IReadOnlyList<string> files;
            try
            {
                files = chosen.GenerateData(folder, parse.GetValue(seed));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UserInputException($"--out {folder}: cannot write there ({e.Message})");
            }
            foreach (string file in files)
            {
                io.Out.WriteLine(file);
            }
            return ExitCodes.Success;
        });
        data.Subcommands.Add(generate);
        data.Subcommands.Add(DataFetchCommand.Create(io));
        return data;
    }

    /// <summary>The full path of <c>--out</c>, refused (exit 2) when empty, unusable or an existing file.</summary>
    private static string OutputFolder(string? output)
    {
        if (string.IsNullOrWhiteSpace(output))
        {
            throw new UserInputException("--out: the folder name is empty");
        }
        string folder;
        try
        {
            folder = Path.GetFullPath(output);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UserInputException($"--out {Echo.Value(output)}: not a usable path ({e.Message})");
        }
        if (File.Exists(folder))
        {
            throw new UserInputException($"--out {folder}: is a file; name a folder");
        }
        return folder;
    }
}
