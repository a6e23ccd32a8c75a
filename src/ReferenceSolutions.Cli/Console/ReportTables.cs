using System.Globalization;
using ReferenceSolutions.Core.Reporting;
using Spectre.Console;

namespace ReferenceSolutions.Cli.Console;

/// <summary>Tables printed after a run or a verify: models and their scalar metrics, parity checks, quality targets.</summary>
internal static class ReportTables
{
    public static void WriteRun(IAnsiConsole console, RunReport report, string folder)
    {
        WriteSummary(console, [(report, folder)], folder);
    }

    public static void WriteSummary(IAnsiConsole console, IReadOnlyList<(RunReport Report, string Folder)> reports, string folder)
    {
        var models = new Table().Title("Models").AddColumns("solution", "model", "kind", "metrics");
        var checks = new Table().Title("Checks").AddColumns("solution", "check", "max |diff| or value", "tolerance or target", "passed");
        foreach ((RunReport report, _) in reports)
        {
            foreach (ModelResult model in report.Models)
            {
                string metrics = string.Join("  ", model.Metrics
                    .Where(m => m.Value is double or int)
                    .Select(m => $"{m.Key}={Format(Convert.ToDouble(m.Value, CultureInfo.InvariantCulture))}"));
                models.AddRow(Markup.Escape(report.Solution), Markup.Escape(model.Name), model.Kind, Markup.Escape(metrics));
            }
            foreach (ParityCheck parity in report.Parity)
            {
                checks.AddRow(Markup.Escape(report.Solution), Markup.Escape(Describe(parity)), Format(parity.MaxAbsDiff), Format(parity.Tolerance), Verdict(parity.Passed));
            }
            foreach (QualityCheck quality in report.Quality ?? [])
            {
                checks.AddRow(Markup.Escape(report.Solution), Markup.Escape(quality.Check), Format(quality.Value), $"{quality.Comparison} {Format(quality.Threshold)}", Verdict(quality.Passed));
            }
        }
        console.Write(models);
        console.Write(checks);
        console.MarkupLine($"Results in [bold]{Markup.Escape(folder)}[/]");
    }

    public static void WriteVerify(IAnsiConsole console, VerifyReport report)
    {
        var table = new Table().Title(Markup.Escape($"verify {report.Check}")).AddColumns("implementation", "result");
        foreach ((string name, object result) in report.Implementations)
        {
            table.AddRow(Markup.Escape(name), Markup.Escape(Cell(Core.Output.JsonOutput.Serialize(result).Trim())));
        }
        console.Write(table);
        var comparisons = new Table().Title("comparisons").AddColumns("check", "between", "max |diff|", "tolerance", "passed");
        foreach (ParityCheck comparison in report.Comparisons)
        {
            comparisons.AddRow(Markup.Escape(Describe(comparison)), Markup.Escape(string.Join(" vs ", comparison.Between ?? [])), Format(comparison.MaxAbsDiff), Format(comparison.Tolerance), Verdict(comparison.Passed));
        }
        console.Write(comparisons);
        console.MarkupLine($"verify {Markup.Escape(report.Check)}: {Verdict(report.Passed)}");
    }

    /// <summary>What <c>refsol score</c> prints without <c>--json</c>: the loaded models, the comparisons, where the CSV went.</summary>
    public static void WriteScore(IAnsiConsole console, Core.Models.ScoreReport report, string csv)
    {
        var table = new Table().Title(Markup.Escape($"score: {report.Rows:N0} rows")).AddColumns("model", "saved as");
        foreach ((string name, object entry) in report.Implementations)
        {
            table.AddRow(Markup.Escape(name), Markup.Escape(Cell(Core.Output.JsonOutput.Serialize(entry).Trim())));
        }
        console.Write(table);
        if (report.Comparisons.Count > 0)
        {
            var comparisons = new Table().Title("twins on these rows").AddColumns("check", "between", "max |diff|", "tolerance", "passed");
            foreach (ParityCheck comparison in report.Comparisons)
            {
                comparisons.AddRow(Markup.Escape(Describe(comparison)), Markup.Escape(string.Join(" vs ", comparison.Between ?? [])), Format(comparison.MaxAbsDiff), Format(comparison.Tolerance), Verdict(comparison.Passed));
            }
            console.Write(comparisons);
        }
        console.MarkupLine($"scores: {Markup.Escape(csv)}; {Verdict(report.Passed)}");
    }

    /// <summary>The most characters of one implementation's JSON a table cell shows; <c>--json</c> prints them all.</summary>
    public const int CellCharacters = 4000;

    /// <summary>
    /// <paramref name="json"/> cut to <see cref="CellCharacters"/>: a console table wraps every character of a cell,
    /// which for a model's gradients (millions of numbers) costs minutes and gigabytes for text nobody reads there.
    /// </summary>
    private static string Cell(string json) =>
        json.Length <= CellCharacters
            ? json
            : $"{json[..CellCharacters]} … ({json.Length - CellCharacters:N0} more characters; --json prints all)";

    /// <summary>The check's name, with the non-finite value or the worst entry when it failed.</summary>
    private static string Describe(ParityCheck check) =>
        check.Passed ? check.Check : $"{check.Check} — {check.Failure ?? check.Worst}";

    private static string Verdict(bool passed) => passed ? "[green]passed[/]" : "[red]FAILED[/]";

    private static string Format(double value) =>
        !double.IsFinite(value) ? value.ToString(CultureInfo.InvariantCulture)
        : value == 0 || (Math.Abs(value) >= 1e-3 && Math.Abs(value) < 1e6)
            ? value.ToString("0.####", CultureInfo.InvariantCulture)
            : value.ToString("0.##e+0", CultureInfo.InvariantCulture);
}
