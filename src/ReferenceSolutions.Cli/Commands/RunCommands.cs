using System.CommandLine;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Solutions;

namespace ReferenceSolutions.Cli.Commands;

/// <summary><c>refsol run all</c> and <c>refsol run &lt;solution&gt;</c>.</summary>
internal static class RunCommands
{
    public static Command Create(CliIo io, IReadOnlyList<SolutionCommands> solutions)
    {
        var run = new Command("run", "Train and evaluate a solution's from-scratch models and their library twins; writes metrics.json, plots and models.");
        run.Subcommands.Add(CreateAll(io, solutions.Select(s => s.Solution).ToList()));
        foreach (SolutionCommands solution in solutions)
        {
            run.Subcommands.Add(solution.Run);
        }
        return run;
    }

    /// <summary>
    /// A <c>run &lt;name&gt;</c> command with <c>--seed</c> and <c>--out</c> plus the solution's own options;
    /// <paramref name="run"/> reads those options from the parse result and runs.
    /// </summary>
    public static Command ForSolution(CliIo io, string name, string description, IEnumerable<Option> options, Func<ParseResult, RunContext, RunReport> run)
    {
        Option<ulong> seed = CommonOptions.Seed();
        Option<string?> output = CommonOptions.Out("Output folder (default runs/<solution>-<UTC timestamp>); must be new or empty unless --force.");
        Option<bool> force = CommonOptions.Force();
        var command = new Command(name, description) { seed, output, force };
        foreach (Option option in options)
        {
            command.Options.Add(option);
        }
        command.SetAction(parse => RunExecutor.RunOne(io, name, parse.GetValue(seed), parse.GetValue(output), parse.GetValue(force), context => run(parse, context)));
        return command;
    }

    private static Command CreateAll(CliIo io, IReadOnlyList<ISolution> solutions)
    {
        Option<ulong> seed = CommonOptions.Seed();
        Option<string?> output = CommonOptions.Out("Output folder; each solution writes to DIR/<solution> (default runs/all-<UTC timestamp>); must be new or empty unless --force.");
        Option<bool> force = CommonOptions.Force();
        var all = new Command("all", "Run every solution on its built-in generated data and print one summary.") { seed, output, force };
        all.SetAction(parse => RunExecutor.RunAll(io, solutions, parse.GetValue(seed), parse.GetValue(output), parse.GetValue(force)));
        return all;
    }
}
