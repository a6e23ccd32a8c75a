using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Models;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.SolutionName.Tests;

/// <summary>
/// A run's files: the same seed gives the same bytes (metrics.json as the CLI writes it, the plot, the saved models); <c>refsol score</c>'s code loads both twins and their
/// predictions agree within the score check, and a NaN in the scored rows is refused naming its line and column.
/// </summary>
public sealed class SavedModelTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("solutionname-tests-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Saved_models_score_the_generated_rows_and_agree()
    {
        string run = Run("a", 7);
        string data = new SolutionNameSolution().GenerateData(_root, 8)[0];
        ScoreOutput output = new SolutionNameSolution().Score(new ScoreRequest(run, data));
        Assert.Equal([SolutionNameModels.FromScratch, SolutionNameModels.Twin], output.Columns.Select(c => c.Header));
        Assert.Equal(SolutionNameRun.Rows, output.Report.Rows);
        ParityCheck check = Assert.Single(output.Report.Comparisons);
        Assert.Equal(SolutionNameChecks.ScoreTwin.Id, check.Id);
        Assert.True(check.Passed, $"{check.Check}: {check.MaxAbsDiff} > {check.Tolerance} at {check.Worst}");
        double[] expected = SavedRidge.Load(Path.Combine(run, SavedModels.FolderName, SolutionNameModels.FromScratch), 5).Model.Predict(SolutionNameData.ReadFeatures(data, SolutionNameData.Features));
        Assert.Equal(expected, output.Columns[0].Numbers);
    }

    [Fact]
    public void The_same_seed_writes_the_same_bytes()
    {
        string first = Run("first", 3), second = Run("second", 3);
        string[] files = [.. Directory.GetFiles(first, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first, f)).Order(StringComparer.Ordinal)];
        Assert.Contains(Path.Combine(SavedModels.FolderName, SolutionNameModels.Twin, ModelManifest.FileName), files);
        foreach (string file in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(first, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second, file))), $"{file} differs between two runs with one seed");
        }
    }

    [Fact]
    public void A_NaN_in_the_scored_rows_is_refused_naming_line_and_column()
    {
        string run = Run("run", 1);
        string input = Path.Combine(_root, "nan.csv");
        File.WriteAllText(input, "x1,x2,x3,x4,x5\n1,2,3,4,5\n1,NaN,3,4,5\n");
        var error = Assert.Throws<DataFormatException>(() => new SolutionNameSolution().Score(new ScoreRequest(run, input)));
        Assert.Equal(3, error.Line);
        Assert.Equal("'x2'", error.Column);
    }

    private string Run(string name, ulong seed)
    {
        string folder = Path.Combine(_root, name);
        Directory.CreateDirectory(folder);
        RunReport report = new SolutionNameSolution().Run(new RunContext(seed, folder, SilentProgress.Instance));
        Assert.True(report.AllParityPassed, string.Join("; ", report.Parity.Where(p => !p.Passed).Select(p => $"{p.Check}: {p.MaxAbsDiff} > {p.Tolerance}")));
        Assert.True(report.AllQualityPassed);
        JsonOutput.Write(Path.Combine(folder, "metrics.json"), report);
        return folder;
    }
}
