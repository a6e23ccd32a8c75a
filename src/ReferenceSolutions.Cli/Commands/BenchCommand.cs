using System.CommandLine;
using System.Globalization;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Workloads;
using Spectre.Console;

namespace ReferenceSolutions.Cli.Commands;

/// <summary>
/// <c>refsol bench [--quick] [--json] [--only names] [--repeats n]</c>: times every from-scratch/library pair of
/// <see cref="BenchWorkloads"/> in this process and prints <c>{"vectorWidth", "vectorWidthHardware", "largeObjectThreshold",
/// "benchmarks": [{name, fromScratchMs, libraryMs, ratio, …}]}</c>, the widths in bits as <c>refsol doctor</c> reports
/// them, and the size in bytes from which the runtime puts an array on the large-object heap.
/// <c>--only serve --model DIR...</c> adds the HTTP load of <see cref="ServeBench"/> as <c>"serve": {clients,
/// requestsPerClient, requests, errors, mismatches, seconds, requestsPerSecond, p50Ms, p99Ms}</c> (not part of the
/// default set: it needs saved models); errors or mismatches make the exit code 1.
/// </summary>
internal static class BenchCommand
{
    /// <summary>The most timed samples per side: beyond it the median no longer moves, only the wait grows.</summary>
    private const int MaxRepeats = 1000;

    public static Command Create(CliIo io)
    {
        Option<bool> json = CommonOptions.Json();
        var quick = new Option<bool>("--quick") { Description = "Fewer, shorter samples (all pairs in under a minute on 2 cores)." };
        var only = new Option<string[]>("--only")
        {
            Description = $"Run only these pairs (comma- or space-separated): {string.Join(", ", BenchWorkloads.Names)}.",
            AllowMultipleArgumentsPerToken = true,
        };
        var repeats = new Option<int?>("--repeats") { Description = $"Timed samples per side, 1..{MaxRepeats} (default 9, or 5 with --quick); the median is reported." };
        var model = new Option<string[]>("--model")
        {
            Description = $"With --only {ServeBench.Name}: the run folders to serve (as refsol serve --model).",
            AllowMultipleArgumentsPerToken = true,
        };
        var bench = new Command("bench", "Time each from-scratch kernel against its library twin in this process (warm-up, median of repeats); ratio = libraryMs / fromScratchMs.")
        {
            quick, json, only, repeats, model,
        };
        bench.SetAction(parse =>
        {
            BenchSettings settings = parse.GetValue(quick) ? BenchSettings.Quick : BenchSettings.Full;
            if (parse.GetValue(repeats) is int n)
            {
                if (n is < 1 or > MaxRepeats)
                {
                    throw new UserInputException($"--repeats must be in 1..{MaxRepeats} (got {n})");
                }
                settings = settings with { Repeats = n };
            }
            IReadOnlyList<string> names = Select(parse.GetValue(only));
            string[] models = parse.GetValue(model) ?? [];
            bool serve = names.Contains(ServeBench.Name);
            if (serve != (models.Length > 0))
            {
                throw new UserInputException(serve ? $"--only {ServeBench.Name}: needs --model <run folders> to serve" : $"--model: only the {ServeBench.Name} benchmark takes models (--only {ServeBench.Name})");
            }
            IReadOnlyList<BenchResult> results = BenchRunner.Run(names.Where(n => n != ServeBench.Name), settings, name => io.Error.WriteLine($"bench: {name}"));
            Serve.Load.LoadResult? load = null;
            if (serve)
            {
                io.Error.WriteLine($"bench: {ServeBench.Name}");
                load = ServeBench.Run(models);
            }
            if (parse.GetValue(json))
            {
                io.Out.Write(JsonOutput.Serialize(new
                {
                    VectorWidth = (int)Core.Native.VectorWidth.Current,
                    VectorWidthHardware = (int)Core.Native.VectorWidth.Hardware,
                    VectorWidthNote = Core.Native.VectorWidth.Note,
                    LargeObjectThreshold = LargeObjectThreshold(),
                    Benchmarks = results,
                    Serve = load,
                }));
            }
            else
            {
                if (results.Count > 0)
                {
                    Write(io.Console, results);
                }
                if (load is not null)
                {
                    WriteServe(io.Console, load);
                }
            }
            return load is null || (load.Errors == 0 && load.Mismatches == 0) ? ExitCodes.Success : ExitCodes.CheckFailed;
        });
        return bench;
    }

    /// <summary>
    /// The large-object threshold in bytes the garbage collector runs with, as it reports it: this project's
    /// runtimeconfig sets <c>System.GC.LOHThreshold</c>, an environment's <c>DOTNET_GCLOHThreshold</c> overrides it.
    /// </summary>
    internal static long LargeObjectThreshold() =>
        Convert.ToInt64(GC.GetConfigurationVariables()["LOHThreshold"], System.Globalization.CultureInfo.InvariantCulture);

    private static IReadOnlyList<string> Select(string[]? only)
    {
        if (only is null || only.Length == 0)
        {
            return BenchWorkloads.Names;
        }
        string[] names = [.. only.SelectMany(o => o.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct()];
        if (names.Length == 0)
        {
            throw new UserInputException($"--only: names no benchmark (known: {string.Join(", ", BenchWorkloads.Names)})");
        }
        string? unknown = names.FirstOrDefault(name => !BenchWorkloads.Names.Contains(name) && name != ServeBench.Name);
        return unknown is null
            ? names
            : throw new UserInputException($"--only: unknown benchmark '{unknown}' (known: {string.Join(", ", BenchWorkloads.Names)}, {ServeBench.Name})");
    }

    private static void WriteServe(IAnsiConsole console, Serve.Load.LoadResult load)
    {
        var table = new Table().Title($"refsol serve over loopback ({load.Clients} clients × {load.RequestsPerClient} requests)")
            .AddColumns("requests", "errors", "mismatches", "seconds", "requests/s", "p50 (ms)", "p99 (ms)");
        table.AddRow(
            load.Requests.ToString(CultureInfo.InvariantCulture),
            load.Errors.ToString(CultureInfo.InvariantCulture),
            load.Mismatches.ToString(CultureInfo.InvariantCulture),
            load.Seconds.ToString("F2", CultureInfo.InvariantCulture),
            load.RequestsPerSecond.ToString("F0", CultureInfo.InvariantCulture),
            load.P50Ms.ToString("G3", CultureInfo.InvariantCulture),
            load.P99Ms.ToString("G3", CultureInfo.InvariantCulture));
        console.Write(table);
    }

    private static void Write(IAnsiConsole console, IReadOnlyList<BenchResult> results)
    {
        var table = new Table().Title("refsol bench (ratio = library / from scratch; > 1: from scratch is faster)")
            .AddColumns("pair", "from scratch (ms)", "library (ms)", "ratio", "extra");
        foreach (BenchResult r in results)
        {
            string extra = string.Join("; ", r.Extra.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Key} = {e.Value:G4}")));
            table.AddRow(
                Markup.Escape(r.Name),
                r.FromScratchMs.ToString("G4", CultureInfo.InvariantCulture),
                r.LibraryMs.ToString("G4", CultureInfo.InvariantCulture),
                r.Ratio.ToString("F2", CultureInfo.InvariantCulture),
                Markup.Escape(extra));
        }
        console.Write(table);
    }
}
