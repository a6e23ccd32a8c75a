using System.CommandLine;
using ReferenceSolutions.SolutionName;

namespace ReferenceSolutions.Cli.Commands;

/// <summary><c>refsol run solutionname</c> (its options beyond <c>--seed</c>, <c>--out</c> and <c>--force</c> go here).</summary>
internal static class SolutionNameCommands
{
    public static SolutionCommands Create(CliIo io)
    {
        var solution = new SolutionNameSolution();
        Command run = RunCommands.ForSolution(io, solution.Name, solution.Summary, [], (_, context) => solution.Run(context));
        return new SolutionCommands(solution, run, [], []);
    }
}
