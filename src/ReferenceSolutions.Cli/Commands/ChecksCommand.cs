using System.CommandLine;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Core.Reporting;
using Spectre.Console;

namespace ReferenceSolutions.Cli.Commands;

/// <summary>
/// <c>refsol checks [--solution NAME] [--json | --markdown]</c>: every registered parity and consistency check — its
/// identity, tolerance and reason, where it runs and which tests assert it. <c>--markdown</c> prints docs/parity.md.
/// </summary>
internal static class ChecksCommand
{
    public static Command Create(CliIo io)
    {
        Option<bool> json = CommonOptions.Json();
        var markdown = new Option<bool>("--markdown") { Description = "Print the registry as docs/parity.md." };
        var solution = new Option<string?>("--solution") { Description = "Only this project's checks: core, recommender, neuralnet or fraud." };
        var command = new Command("checks", "List every parity and consistency check the suite makes: identity, tolerance and its reason, where it runs, which tests assert it.")
        {
            json, markdown, solution,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(json) && parse.GetValue(markdown))
            {
                throw new UserInputException("--json and --markdown exclude each other");
            }
            string? only = parse.GetValue(solution);
            var sections = CheckRegistry.Sections.Where(s => only is null || s.Checks.Any(c => c.Solution == only)).ToList();
            if (sections.Count == 0)
            {
                throw new UserInputException($"--solution: '{only}' has no checks (known: {string.Join(", ", CheckRegistry.All.Select(c => c.Solution).Distinct())})");
            }
            if (parse.GetValue(markdown))
            {
                io.Out.Write(ParityPage.Render(sections));
            }
            else if (parse.GetValue(json))
            {
                io.Out.Write(JsonOutput.Serialize(new { Checks = sections.SelectMany(s => s.Checks) }));
            }
            else
            {
                Write(io.Console, sections.SelectMany(s => s.Checks));
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(IAnsiConsole console, IEnumerable<CheckDefinition> checks)
    {
        var table = new Table().Title("Registered checks").AddColumns("id", "kind", "identity", "tolerance", "where");
        foreach (CheckDefinition check in checks)
        {
            table.AddRow(Markup.Escape(check.Id), check.Kind, Markup.Escape(check.Identity),
                Markup.Escape($"{check.Tolerance.Value:0.##e+0} ({check.Tolerance.Name})"),
                Markup.Escape(string.Join(", ", check.Where.Concat(check.Tests))));
        }
        console.Write(table);
    }
}
