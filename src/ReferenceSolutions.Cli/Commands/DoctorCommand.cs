using System.CommandLine;
using ReferenceSolutions.Cli.Diagnostics;
using ReferenceSolutions.Core.Output;
using Spectre.Console;

namespace ReferenceSolutions.Cli.Commands;

/// <summary><c>refsol doctor</c>: what this machine gives the suite; exit 0 when usable, 1 (with the reason) when not.</summary>
internal static class DoctorCommand
{
    public static Command Create(CliIo io)
    {
        Option<bool> json = CommonOptions.Json();
        var doctor = new Command("doctor", "Report the runtime, TorchSharp's native library and its weak-version fix, MathNet's provider and the datasets found.") { json };
        doctor.SetAction(parse =>
        {
            DoctorReport report = DoctorReport.Collect();
            if (parse.GetValue(json))
            {
                io.Out.Write(JsonOutput.Serialize(new { report.Usable, report.Reason, Report = report }));
            }
            else
            {
                Write(io.Console, report);
            }
            if (!report.Usable)
            {
                io.Error.WriteLine($"error: {report.Reason}");
                return ExitCodes.CheckFailed;
            }
            return ExitCodes.Success;
        });
        return doctor;
    }

    private static string VectorWidthText(DoctorReport report) =>
        $"{Core.Native.VectorWidth.Describe((Core.Native.SimdWidth)report.VectorWidth)} in use; the CPU accelerates {Core.Native.VectorWidth.Describe((Core.Native.SimdWidth)report.VectorWidthHardware)} ({Core.Native.VectorWidth.EnvironmentVariable}=512|256|scalar forces a narrower one)"
        + (report.VectorWidthNote is null ? "" : $"; {report.VectorWidthNote}");

    private static void Write(IAnsiConsole console, DoctorReport report)
    {
        TorchSharpProbe torch = report.TorchSharp;
        var table = new Table().Title("refsol doctor").AddColumns("item", "value");
        table.AddRow(".NET", Markup.Escape(report.Dotnet));
        table.AddRow("OS", Markup.Escape(report.Os));
        table.AddRow("CPUs", report.Cpus.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("SIMD", Markup.Escape(report.Simd));
        table.AddRow("vector width", Markup.Escape(VectorWidthText(report)));
        table.AddRow("libstdc++", Markup.Escape($"{report.Libstdcxx ?? "not found"} (max {report.LibstdcxxMaxGlibcxx ?? "unknown"})"));
        table.AddRow("TorchSharp", torch.Loaded ? "[green]loaded[/]" : $"[red]not loaded[/]: {Markup.Escape(torch.Error ?? "")}");
        table.AddRow("native library", Markup.Escape(torch.NativeLibrary ?? "not found"));
        string fix = torch.WeakFixApplied switch
        {
            true => $"applied: {torch.WeakVersion} is marked weak in the output copy",
            false => $"not applied: {torch.WeakVersion} is a hard requirement (fine where libstdc++ has it)",
            null => $"not needed: no {torch.WeakVersion} requirement",
        };
        table.AddRow("weak-version fix", Markup.Escape(fix));
        table.AddRow("MathNet provider", Markup.Escape(report.MathNetProvider));
        table.AddRow("data folder", Markup.Escape($"{report.DataDirectory} (set REFSOL_DATA to change)"));
        foreach ((string name, bool present) in report.Datasets)
        {
            table.AddRow($"dataset {Markup.Escape(name)}", present ? "[green]present[/]" : "absent");
        }
        console.Write(table);
        console.MarkupLine(report.Usable ? "[green]usable[/]" : $"[red]not usable[/]: {Markup.Escape(report.Reason ?? "")}");
    }
}
