using System.Text.Json.Serialization;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Recommender.Pca;
using ReferenceSolutions.Recommender.Svd;

namespace ReferenceSolutions.Recommender;

/// <summary>One implementation's SVD in <c>refsol verify svd</c>: σ descending and ‖A − UΣVᵀ‖_max (non-finite values as null).</summary>
public sealed record SvdVerifyEntry(
    [property: JsonConverter(typeof(FiniteOrNullArrayConverter))] double[] SingularValues,
    [property: JsonConverter(typeof(FiniteOrNullConverter))] double ReconstructionError);

/// <summary>One implementation's PCA in <c>refsol verify pca</c>: σᵢ²/(N − 1) and the K×d unit axes (largest-magnitude entry positive; non-finite values as null).</summary>
public sealed record PcaVerifyEntry(
    [property: JsonConverter(typeof(FiniteOrNullArrayConverter))] double[] ExplainedVariance,
    [property: JsonConverter(typeof(FiniteOrNullRowsConverter))] double[][] Components,
    double? SubspaceAngleToFromScratch = null);

/// <summary>The <c>verify svd</c> and <c>verify pca</c> checks on a user's CSV (numbers only, no header).</summary>
public static class Verification
{
    /// <summary>Reads an all-numeric CSV without header; ragged rows, non-numbers, NaN/Inf and empty files name file, line and field.</summary>
    public static Matrix ReadMatrix(string path) => CsvTable.Read(path, hasHeader: false).ToMatrix();

    /// <summary>
    /// Every SVD on A. It passes when every comparison passes: σ of each implementation after the first against the
    /// first's (<see cref="RecommenderChecks.SingularValuesTorch"/>, <see cref="RecommenderChecks.SingularValuesMathNet"/>;
    /// the first, σ from-scratch vs torch, is the primary one whose figures head the report), then each
    /// implementation against its definition — UΣVᵀ = A, UᵀU = I, VᵀV = I (<see cref="RecommenderChecks.Reconstruction"/>).
    /// </summary>
    public static VerifyReport Svd(Matrix a, IReadOnlyList<ISvd> implementations)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(implementations);
        string measuredOn = $"the input A ({a.Rows}×{a.Columns})";
        var entries = new Dictionary<string, object>();
        var results = new List<(string Name, SvdResult Result)>();
        foreach (ISvd svd in implementations)
        {
            SvdResult result = svd.Decompose(a);
            entries[svd.Name] = new SvdVerifyEntry(result.S, SvdChecks.ReconstructionError(a, result));
            results.Add((svd.Name, result));
        }
        var comparisons = new List<ParityCheck>();
        (string firstName, SvdResult first) = results[0];
        foreach ((string name, SvdResult result) in results.Skip(1))
        {
            CheckDefinition check = name switch
            {
                "torch" => RecommenderChecks.SingularValuesTorch,
                "mathnet" => RecommenderChecks.SingularValuesMathNet,
                _ => throw new ArgumentException($"verify svd has no σ check for '{name}'", nameof(implementations)),
            };
            comparisons.Add(check.Measure(SvdChecks.SingularValues(firstName, first, name, result), measuredOn));
        }
        foreach ((string name, SvdResult result) in results)
        {
            comparisons.Add(RecommenderChecks.Reconstruction.Measure(SvdChecks.Definition(name, a, result), measuredOn));
        }
        return VerifyReport.Create("svd", entries, comparisons);
    }

    /// <summary>
    /// PCA with K components by the from-scratch and torch SVDs and by ML.NET. It passes when every comparison passes:
    /// the float64 twins' axes (primary, <see cref="RecommenderChecks.PcaAxesTorch"/>) and explained variances, then —
    /// when d ≥ 2, which ML.NET needs — ML.NET's subspace (largest principal angle in units of float32 rounding over the
    /// eigen-gap, <see cref="RecommenderChecks.MLNetSubspace"/>) and its explained variances.
    /// </summary>
    public static VerifyReport Pca(Matrix x, int components, string source, int mlnetSeed)
    {
        ArgumentNullException.ThrowIfNull(x);
        int max = PcaModel.MaxComponents(x.Rows, x.Columns);
        if (components < 1 || components > max)
        {
            throw new UserInputException($"{source}: --components {components} must be in 1..min(rows − 1, columns) = {max} for a {x.Rows}×{x.Columns} matrix");
        }
        return Pca(x, PcaModel.Fit(x, components, new JacobiSvd()), PcaModel.Fit(x, components, new TorchSvd()),
            x.Columns >= 2 ? MLNetPca.Fit(x, components, mlnetSeed) : null);
    }

    /// <summary>The report of <see cref="Pca(Matrix, int, string, int)"/> from the three fits (ML.NET's may be absent).</summary>
    internal static VerifyReport Pca(Matrix x, PcaModel scratch, PcaModel torch, (Matrix Axes, double[] Variance)? mlnet)
    {
        string measuredOn = $"the input X ({x.Rows}×{x.Columns}), K = {scratch.Components.Rows}";
        var entries = new Dictionary<string, object>
        {
            ["from-scratch"] = new PcaVerifyEntry(scratch.ExplainedVariance, scratch.Components.ToRowArrays()),
            ["torch"] = new PcaVerifyEntry(torch.ExplainedVariance, torch.Components.ToRowArrays()),
        };
        var comparisons = new List<ParityCheck>
        {
            RecommenderChecks.PcaAxesTorch.Measure(new Comparison("from-scratch", "torch").Add("axes", scratch.Components, torch.Components), measuredOn),
            RecommenderChecks.PcaVarianceTorch.Measure(
                new Comparison("from-scratch", "torch").Add("explained variance", scratch.ExplainedVariance, torch.ExplainedVariance, VarianceScale(scratch)), measuredOn),
        };
        if (mlnet is (Matrix axes, double[] variance))
        {
            Comparison subspace = MLNetPca.SubspaceComparison(scratch, axes);
            double? angle = subspace.NonFinite is null ? MLNetPca.SubspaceAngle(scratch.Components, axes) : null;
            entries["mlnet"] = new PcaVerifyEntry(variance, axes.ToRowArrays(), angle);
            comparisons.Add(RecommenderChecks.MLNetSubspace.Measure(subspace, measuredOn));
            comparisons.Add(RecommenderChecks.MLNetVariance.Measure(MLNetPca.VarianceComparison(scratch, variance), measuredOn));
        }
        return VerifyReport.Create("pca", entries, comparisons);
    }

    /// <summary>λ₁ when positive, else 1 (constant data: every variance is 0).</summary>
    private static double VarianceScale(PcaModel model) => model.ExplainedVariance[0] > 0.0 ? model.ExplainedVariance[0] : 1.0;
}
