using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Recommender.Pca;
using ReferenceSolutions.Recommender.Svd;

namespace ReferenceSolutions.Recommender;

/// <summary>One implementation's SVD in <c>refsol verify svd</c>: σ descending and ‖A − UΣVᵀ‖_max.</summary>
public sealed record SvdVerifyEntry(double[] SingularValues, double ReconstructionError);

/// <summary>One implementation's PCA in <c>refsol verify pca</c>: σᵢ²/(N − 1) and the K×d unit axes (largest-magnitude entry positive).</summary>
public sealed record PcaVerifyEntry(double[] ExplainedVariance, double[][] Components, double? SubspaceAngleToFromScratch = null);

/// <summary>The <c>verify svd</c> and <c>verify pca</c> checks on a user's CSV (numbers only, no header).</summary>
public static class Verification
{
    /// <summary>Reads an all-numeric CSV without header; ragged rows, non-numbers, NaN/Inf and empty files name file, line and field.</summary>
    public static Matrix ReadMatrix(string path) => CsvTable.Read(path, hasHeader: false).ToMatrix();

    /// <summary>
    /// Every SVD on A; maxAbsDiff = max over implementations of max|σⱼ − σⱼ(first)|, tolerance 1e-10·σ₁
    /// (<see cref="RecommenderTolerances.SingularValues"/>).
    /// </summary>
    public static VerifyReport Svd(Matrix a, IReadOnlyList<ISvd> implementations)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(implementations);
        var entries = new Dictionary<string, object>();
        double[]? reference = null;
        double diff = 0.0;
        foreach (ISvd svd in implementations)
        {
            SvdResult result = svd.Decompose(a);
            entries[svd.Name] = new SvdVerifyEntry(result.S, SvdChecks.ReconstructionError(a, result));
            reference ??= result.S;
            diff = Math.Max(diff, Norms.MaxAbsDiff(reference, result.S));
        }
        double sigma1 = reference is { Length: > 0 } ? reference[0] : 0.0;
        return new VerifyReport("svd", entries, diff, RecommenderTolerances.SingularValues.Value * sigma1);
    }

    /// <summary>
    /// PCA with K components by the from-scratch and torch SVDs and by ML.NET; maxAbsDiff = max|axes| difference of the
    /// float64 twins, tolerance <see cref="RecommenderTolerances.PcaAxes"/>; ML.NET's largest principal angle to the
    /// from-scratch subspace is reported beside its axes (float32, randomized: see docs/recommender.md).
    /// </summary>
    public static VerifyReport Pca(Matrix x, int components, string source, int mlnetSeed)
    {
        ArgumentNullException.ThrowIfNull(x);
        int max = PcaModel.MaxComponents(x.Rows, x.Columns);
        if (components < 1 || components > max)
        {
            throw new UserInputException($"{source}: --components {components} must be in 1..min(rows − 1, columns) = {max} for a {x.Rows}×{x.Columns} matrix");
        }
        PcaModel scratch = PcaModel.Fit(x, components, new JacobiSvd());
        PcaModel torch = PcaModel.Fit(x, components, new TorchSvd());
        var entries = new Dictionary<string, object>
        {
            ["from-scratch"] = new PcaVerifyEntry(scratch.ExplainedVariance, scratch.Components.ToRowArrays()),
            ["torch"] = new PcaVerifyEntry(torch.ExplainedVariance, torch.Components.ToRowArrays()),
        };
        if (x.Columns >= 2)
        {
            (Matrix axes, double[] variance) = MLNetPca.Fit(x, components, mlnetSeed);
            entries["mlnet"] = new PcaVerifyEntry(variance, axes.ToRowArrays(), MLNetPca.SubspaceAngle(scratch.Components, axes));
        }
        return new VerifyReport("pca", entries, Norms.MaxAbsDiff(scratch.Components, torch.Components), RecommenderTolerances.PcaAxes.Value);
    }
}
