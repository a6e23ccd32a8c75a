// Loaded by the first cell of every notebook here (#load "refsol.csx"). It references the suite's own assemblies from
// the CLI's Release output, which holds every solution, its packages and the native libraries (with TorchSharp's
// weak-version fix applied by the build), so build that first:
//     dotnet build src/ReferenceSolutions.Cli -c Release
// Relative paths are resolved from the notebook's folder (the working folder of VS Code, Jupyter and build/notebooks.sh).
#r "../src/ReferenceSolutions.Cli/bin/Release/net10.0/ReferenceSolutions.Core.dll"
#r "../src/ReferenceSolutions.Cli/bin/Release/net10.0/ReferenceSolutions.Recommender.dll"
#r "../src/ReferenceSolutions.Cli/bin/Release/net10.0/ReferenceSolutions.NeuralNet.dll"
#r "../src/ReferenceSolutions.Cli/bin/Release/net10.0/ReferenceSolutions.FraudDetection.dll"
#r "../src/ReferenceSolutions.Cli/bin/Release/net10.0/TorchSharp.dll"
#r "../src/ReferenceSolutions.Cli/bin/Release/net10.0/Microsoft.ML.Core.dll"
#r "../src/ReferenceSolutions.Cli/bin/Release/net10.0/Microsoft.ML.Data.dll"
#r "../src/ReferenceSolutions.Cli/bin/Release/net10.0/Microsoft.ML.DataView.dll"
#r "../src/ReferenceSolutions.Cli/bin/Release/net10.0/Microsoft.ML.FastTree.dll"
#r "../src/ReferenceSolutions.Cli/bin/Release/net10.0/MathNet.Numerics.dll"
#r "../src/ReferenceSolutions.Cli/bin/Release/net10.0/SkiaSharp.dll"
#r "../src/ReferenceSolutions.Cli/bin/Release/net10.0/HarfBuzzSharp.dll"
#r "../src/ReferenceSolutions.Cli/bin/Release/net10.0/ScottPlot.dll"
#r "../src/ReferenceSolutions.Cli/bin/Release/net10.0/Microsoft.ML.OnnxRuntime.dll"
#r "../src/ReferenceSolutions.Cli/bin/Release/net10.0/Google.Protobuf.dll"

using System.IO;
using static Microsoft.DotNet.Interactive.Kernel;
using System.Runtime.InteropServices;

// The notebook host (dotnet-interactive) does not read the CLI's deps.json, so the native libraries are pointed to here:
// TorchSharp loads libLibTorchSharp by name, which finds the copy loaded first; SkiaSharp (ScottPlot's renderer),
// ML.NET FastTree and ONNX Runtime (the saved models' ONNX graphs) ask through their DllImport resolvers.
var refsolBin = Path.GetFullPath(Path.Combine("..", "src", "ReferenceSolutions.Cli", "bin", "Release", "net10.0"));
if (!File.Exists(Path.Combine(refsolBin, "refsol.dll")))
{
    throw new FileNotFoundException($"{refsolBin}/refsol.dll is missing: run 'dotnet build src/ReferenceSolutions.Cli -c Release' first");
}
var refsolNative = new[] { RuntimeInformation.RuntimeIdentifier, OperatingSystem.IsMacOS() ? "osx" : RuntimeInformation.RuntimeIdentifier }
    .Select(rid => Path.Combine(refsolBin, "runtimes", rid, "native"))
    .First(Directory.Exists);
string NativeFile(string name)
{
    string extension = OperatingSystem.IsWindows() ? ".dll" : OperatingSystem.IsMacOS() ? ".dylib" : ".so";
    string[] candidates = [name + extension, "lib" + name + extension];
    return candidates.Select(file => Path.Combine(refsolNative, file)).FirstOrDefault(File.Exists) ?? Path.Combine(refsolNative, candidates[0]);
}
// As refsol does before its first torch call, so that TorchSharp results repeat bit for bit (MKL_CBWR).
ReferenceSolutions.Core.Native.NumericalReproducibility.Configure();
NativeLibrary.Load(NativeFile(OperatingSystem.IsWindows() ? "LibTorchSharp" : "libLibTorchSharp"));
foreach (var assembly in new[] { typeof(SkiaSharp.SKImage).Assembly, typeof(HarfBuzzSharp.Blob).Assembly, typeof(Microsoft.ML.Trainers.FastTree.FastTreeBinaryTrainer).Assembly, typeof(Microsoft.ML.OnnxRuntime.InferenceSession).Assembly })
{
    NativeLibrary.SetDllImportResolver(assembly, (name, _, _) => NativeLibrary.Load(NativeFile(name)));
}

/// <summary>Shows a ScottPlot plot inline as a PNG.</summary>
void ShowPlot(ScottPlot.Plot plot, int width = 640, int height = 400) =>
    display(HTML($"<img src=\"data:image/png;base64,{Convert.ToBase64String(plot.GetImageBytes(width, height, ScottPlot.ImageFormat.Png))}\"/>"));

/// <summary>The folder of the last <see cref="ShowRun"/>: the files the run wrote (plots, saved models under models/&lt;name&gt;/, …).</summary>
string LastRunFolder = "";

/// <summary>
/// Runs <paramref name="run"/> into the folder <c>runs/&lt;name&gt;</c> beside the notebook (git-ignored; emptied first, so
/// that it holds this run only; kept in <see cref="LastRunFolder"/>) and shows what <c>refsol run</c> would print: every
/// model's scalar metrics, every parity check, and every PNG plot the run wrote (all made with ScottPlot by the
/// solution itself). The folder's name is fixed, not temporary, so that the printed outputs are the same on every
/// execution (build/notebooks.sh compares them with the committed ones).
/// </summary>
ReferenceSolutions.Core.Reporting.RunReport ShowRun(string name, Func<ReferenceSolutions.Core.Solutions.RunContext, ReferenceSolutions.Core.Reporting.RunReport> run, ulong seed = 42)
{
    var folder = Path.GetFullPath(Path.Combine("runs", name));
    if (Directory.Exists(folder))
    {
        Directory.Delete(folder, recursive: true);
    }
    Directory.CreateDirectory(folder);
    LastRunFolder = folder;
    var started = DateTime.UtcNow;
    var report = run(new ReferenceSolutions.Core.Solutions.RunContext(seed, folder, ReferenceSolutions.Core.Solutions.SilentProgress.Instance));
    Console.WriteLine($"{report.Solution} on {report.Dataset.Name} ({report.Dataset.Rows} rows, {report.Dataset.Source}) in {(DateTime.UtcNow - started).TotalSeconds:F1} s; outputs in notebooks/runs/{name}");
    ShowTable(report.Models.Select(m => new
    {
        m.Name,
        m.Kind,
        Metrics = string.Join(", ", m.Metrics.Where(kv => kv.Value is double or int).Select(kv => $"{kv.Key} = {kv.Value:G6}")),
    }));
    ShowTable(report.Parity.Select(p => new { p.Check, p.Identity, MaxAbsDiff = p.MaxAbsDiff.ToString("E2"), Tolerance = $"{p.Tolerance:G3} ({p.ToleranceName})", p.Passed }));
    foreach (var png in Directory.GetFiles(folder, "*.png").Order())
    {
        display(HTML($"<p>{Path.GetFileName(png)}</p><img src=\"data:image/png;base64,{Convert.ToBase64String(File.ReadAllBytes(png))}\" width=\"640\"/>"));
    }
    return report;
}

/// <summary>Shows objects (e.g. anonymous ones) as an HTML table, one column per property.</summary>
void ShowTable<T>(IEnumerable<T> rows)
{
    var properties = typeof(T).GetProperties();
    string Cell(object? value) => System.Net.WebUtility.HtmlEncode(value switch
    {
        double d => d.ToString("G6", System.Globalization.CultureInfo.InvariantCulture),
        null => "",
        _ => value.ToString() ?? "",
    });
    var html = new System.Text.StringBuilder("<table><thead><tr>");
    foreach (var property in properties)
    {
        html.Append($"<th>{Cell(property.Name)}</th>");
    }
    html.Append("</tr></thead><tbody>");
    foreach (var row in rows)
    {
        html.Append("<tr>");
        foreach (var property in properties)
        {
            html.Append($"<td>{Cell(property.GetValue(row))}</td>");
        }
        html.Append("</tr>");
    }
    display(HTML(html.Append("</tbody></table>").ToString()));
}

/// <summary>
/// Shows the first <paramref name="rows"/> rows of <c>refsol score</c>'s columns (those whose header
/// <paramref name="include"/> accepts; all by default), numbers in shortest round-trip form as in the CSV.
/// </summary>
void ShowScoreColumns(IEnumerable<ReferenceSolutions.Core.Models.ScoreColumn> columns, int rows = 5, Func<string, bool>? include = null)
{
    var shown = columns.Where(c => include?.Invoke(c.Header) ?? true).ToArray();
    string Cell(ReferenceSolutions.Core.Models.ScoreColumn c, int r) => System.Net.WebUtility.HtmlEncode(
        c.Numbers is { } numbers ? numbers[r].ToString("R", System.Globalization.CultureInfo.InvariantCulture) : c.Texts![r]);
    var html = new System.Text.StringBuilder("<table><thead><tr><th>row</th>");
    foreach (var column in shown)
    {
        html.Append($"<th>{System.Net.WebUtility.HtmlEncode(column.Header)}</th>");
    }
    html.Append("</tr></thead><tbody>");
    for (int r = 0; r < Math.Min(rows, shown.Length == 0 ? 0 : shown[0].Count); r++)
    {
        html.Append($"<tr><td>{r + 1}</td>");
        foreach (var column in shown)
        {
            html.Append($"<td>{Cell(column, r)}</td>");
        }
        html.Append("</tr>");
    }
    display(HTML(html.Append("</tbody></table>").ToString()));
}
