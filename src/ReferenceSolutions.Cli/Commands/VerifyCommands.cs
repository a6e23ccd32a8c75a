using System.CommandLine;
using ReferenceSolutions.Cli.Console;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.Cli.Commands;

/// <summary><c>refsol verify &lt;check&gt;</c>: one input through every twin, compared; <c>--json</c> prints one object.</summary>
internal static class VerifyCommands
{
    public static Command Create(IReadOnlyList<SolutionCommands> solutions)
    {
        var verify = new Command("verify", "Run one check on your input through every implementation (from scratch and the libraries) and compare.");
        foreach (Command check in solutions.SelectMany(s => s.Verify))
        {
            verify.Subcommands.Add(check);
        }
        verify.SetAction(new Func<ParseResult, int>(_ => throw new UserInputException(
            $"'verify' needs a check: {(verify.Subcommands.Count == 0 ? "none is registered yet" : string.Join(", ", verify.Subcommands.Select(c => c.Name)))}")));
        return verify;
    }

    /// <summary>
    /// A <c>verify &lt;check&gt;</c> command with <c>--json</c> plus its own options. Exit 0 when the implementations
    /// agree within tolerance, 1 when not.
    /// </summary>
    public static Command ForCheck(CliIo io, string check, string description, IEnumerable<Option> options, Func<ParseResult, VerifyReport> verify)
    {
        Option<bool> json = CommonOptions.Json();
        var command = new Command(check, description) { json };
        foreach (Option option in options)
        {
            command.Options.Add(option);
        }
        command.SetAction(parse =>
        {
            VerifyReport report = verify(parse);
            if (parse.GetValue(json))
            {
                io.Out.Write(JsonOutput.Serialize(report));
            }
            else
            {
                ReportTables.WriteVerify(io.Console, report);
            }
            return report.Passed ? ExitCodes.Success : ExitCodes.CheckFailed;
        });
        return command;
    }
}
