using System.CommandLine;
using System.Globalization;
using ReferenceSolutions.Cli.Console;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Models;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Core.Solutions;

namespace ReferenceSolutions.Cli.Commands;

/// <summary>
/// <c>refsol score &lt;solution&gt; --model DIR --input FILE [--out FILE] [--json] [--explain K] [--engine native|onnx]</c>:
/// every saved twin of the solution scores the rows, the CSV gets one column per model, and the twins are compared.
/// Exit 0 when they agree, 1 when a comparison fails (the CSV is written either way), 2 for bad input or models.
/// </summary>
internal static class ScoreCommand
{
    public static Command Create(CliIo io, IReadOnlyList<SolutionCommands> solutions)
    {
        var score = new Command("score", "Score rows with a run's saved models (no training): one CSV column per model, and the twins compared on these rows.");
        foreach (IScoringSolution solution in solutions.Select(s => s.Solution).OfType<IScoringSolution>())
        {
            score.Subcommands.Add(ForSolution(io, solution));
        }
        score.SetAction(new Func<ParseResult, int>(_ => throw new UserInputException(
            $"'score' needs a solution: {string.Join(", ", score.Subcommands.Select(c => c.Name))}")));
        return score;
    }

    private static Command ForSolution(CliIo io, IScoringSolution solution)
    {
        var model = new Option<string>("--model") { Description = "A run folder, its models/ folder, or one model's folder.", Required = true };
        var input = new Option<string>("--input") { Description = "CSV in the training layout (header of feature names; the label column may be present and is ignored).", Required = true };
        Option<string?> output = CommonOptions.Out("The scores CSV (default: runs/score-<solution>-<UTC timestamp>.csv).");
        Option<bool> json = CommonOptions.Json();
        var explain = new Option<int>("--explain") { Description = "Add each row's K largest contributions (models that can explain a row).", DefaultValueFactory = _ => 0 };
        var engine = new Option<string>("--engine") { Description = "native (each model's own code) or onnx (ONNX Runtime on the models' exported graphs).", DefaultValueFactory = _ => ScoreEngines.Native };
        engine.AcceptOnlyFromAmong(ScoreEngines.Native, ScoreEngines.Onnx);
        var command = new Command(solution.Name, $"Score rows with the saved models of {solution.Name}.") { model, input, output, json, explain, engine };
        command.SetAction(parse =>
        {
            int k = parse.GetValue(explain);
            if (k < 0)
            {
                throw new UserInputException($"--explain: {k} is not a count of contributions (0 or more)");
            }
            ScoreOutput result = solution.Score(new ScoreRequest(parse.GetValue(model)!, parse.GetValue(input)!, k, parse.GetValue(engine)!));
            string path = parse.GetValue(output)
                ?? Path.Combine("runs", $"score-{solution.Name}-{DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.csv");
            ScoreCsv.Write(path, result.Columns);
            if (parse.GetValue(json))
            {
                io.Out.Write(JsonOutput.Serialize(result.Report));
            }
            else
            {
                ReportTables.WriteScore(io.Console, result.Report, path);
            }
            return result.Report.Passed ? ExitCodes.Success : ExitCodes.CheckFailed;
        });
        return command;
    }
}
