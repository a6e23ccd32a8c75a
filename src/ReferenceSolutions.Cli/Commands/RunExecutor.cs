using System.Globalization;
using ReferenceSolutions.Cli.Console;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Reporting.Html;
using ReferenceSolutions.Core.Solutions;

namespace ReferenceSolutions.Cli.Commands;

/// <summary>
/// The part of every <c>run</c> that is not the solution's own: pick the output folder, show progress, write
/// <c>metrics.json</c> and then <c>report.html</c> from it (<see cref="RunPage"/>; <c>run all</c> adds
/// <c>index.html</c>), print the summary, and turn failed checks — and results that could not be computed — into exit
/// code 1. A run writes into a staging folder that is renamed into place once everything (metrics.json included) is
/// written, so a failed run leaves nothing new and a run folder never mixes two runs (<see cref="StagingFolder"/>).
/// </summary>
internal static class RunExecutor
{
    /// <summary>The name of the results file in every run folder.</summary>
    public const string MetricsFile = "metrics.json";

    /// <summary><c>runs/&lt;name&gt;-&lt;UTC timestamp&gt;</c>, the default output folder.</summary>
    public static string DefaultOutput(string name) =>
        Path.Combine("runs", $"{name}-{DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}");

    /// <summary>Runs one solution through <paramref name="run"/> and reports it; returns the exit code.</summary>
    public static int RunOne(CliIo io, string name, ulong seed, string? output, bool force, Func<RunContext, RunReport> run)
    {
        using StagingFolder folder = StagingFolder.Create(output ?? DefaultOutput(name), force);
        RunReport report = Execute(io, seed, folder.Path, folder.Target, name, run);
        folder.Commit();
        ReportTables.WriteRun(io.Console, report, folder.Target);
        return Verdict(report);
    }

    /// <summary>Runs every solution on its built-in data into <c>DIR/&lt;name&gt;</c>, then one summary of all.</summary>
    public static int RunAll(CliIo io, IReadOnlyList<ISolution> solutions, ulong seed, string? output, bool force)
    {
        using StagingFolder root = StagingFolder.Create(output ?? DefaultOutput("all"), force);
        var reports = new List<(RunReport Report, string Folder)>();
        foreach (ISolution solution in solutions)
        {
            string target = Path.Combine(root.Target, solution.Name);
            reports.Add((Execute(io, seed, Path.Combine(root.Path, solution.Name), target, solution.Name, solution.Run), target));
        }
        RunIndexPage.Write(root.Path, [.. solutions.Select(s => s.Name)]);
        root.Commit();
        ReportTables.WriteSummary(io.Console, reports, root.Target);
        return reports.All(r => Verdict(r.Report) == ExitCodes.Success) ? ExitCodes.Success : ExitCodes.CheckFailed;
    }

    private static RunReport Execute(CliIo io, ulong seed, string folder, string target, string name, Func<RunContext, RunReport> run)
    {
        Directory.CreateDirectory(folder);
        RunReport report = SpectreProgress.Run(io.Console, name, progress => run(new RunContext(seed, folder, progress))).WithComputedCheck();
        JsonOutput.Write(Path.Combine(folder, MetricsFile), report);
        RunPage.Write(folder, DocsBase.For(target));
        return report;
    }

    private static int Verdict(RunReport report) =>
        report.AllParityPassed && report.AllQualityPassed ? ExitCodes.Success : ExitCodes.CheckFailed;
}
