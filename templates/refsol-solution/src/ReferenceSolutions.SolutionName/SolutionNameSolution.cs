using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Solutions;

namespace ReferenceSolutions.SolutionName;

/// <summary>
/// SolutionName: ridge regression solved from scratch by Core's Cholesky beside its library twin, with a parity
/// check, a quality gate, a plot, saved models and <c>refsol score solutionname</c>. See docs/solutionname.md.
/// </summary>
public sealed class SolutionNameSolution : IScoringSolution
{
    /// <inheritdoc/>
    public string Name => SolutionNameModels.Solution;

    /// <inheritdoc/>
#if (TwinTorch)
    public string Summary => "SolutionName: ridge regression, Cholesky from scratch ⇄ TorchSharp linalg.solve.";
#else
    public string Summary => "SolutionName: ridge regression, Cholesky from scratch ⇄ ML.NET SDCA.";
#endif

    /// <inheritdoc/>
    public RunReport Run(RunContext context) => SolutionNameRun.Execute(context);

    /// <inheritdoc/>
    public ScoreOutput Score(ScoreRequest request) => SolutionNameScoring.Score(request);

    /// <inheritdoc/>
    public IReadOnlyList<string> GenerateData(string directory, ulong seed)
    {
        string path = Path.Combine(directory, "solutionname.csv");
        (var x, double[] y) = SolutionNameData.Generate(SolutionNameRun.Rows, seed);
        SolutionNameData.WriteCsv(path, x, y);
        return [path];
    }
}
