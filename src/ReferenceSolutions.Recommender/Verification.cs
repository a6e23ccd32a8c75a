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
    /// <summary>
    /// The largest min(rows, columns) <c>verify svd</c> and <c>verify pca</c> accept. Every exact SVD here costs
    /// O(max·min²) time (and one-sided Jacobi ≈ 10 sweeps of min²/2 rotations): measured on this machine, a 800×800
    /// matrix takes ≈ 12 s for the three SVDs, and the time grows with the cube of min(rows, columns). Memory stays
    /// linear: r·c for A and U, min² for V.
    /// </summary>
    public const int MaxMinDimension = 800;

    private static readonly double SmallestNormal = Math.ScaleB(1.0, -1022);

    /// <summary>
    /// Reads an all-numeric CSV without header; ragged rows, non-numbers, NaN/Inf and empty files name file, line and
    /// field, and a matrix with min(rows, columns) above <see cref="MaxMinDimension"/> is refused.
    /// </summary>
    public static Matrix ReadMatrix(string path)
    {
        CsvTable table = CsvTable.Read(path, hasHeader: false);
        int p = Math.Min(table.RowCount, table.ColumnCount);
        if (p > MaxMinDimension)
        {
            throw new UserInputException($"{path}: a {table.RowCount}×{table.ColumnCount} matrix has min(rows, columns) = {p}, above the {MaxMinDimension} verify accepts (an exact SVD costs O(max·min²) time: ≈ 12 s at {MaxMinDimension}×{MaxMinDimension}, 8× that at twice the size)");
        }
        return table.ToMatrix();
    }

    /// <summary>
    /// Every SVD on A. It passes when every comparison passes: σ of each implementation after the first against the
    /// first's (<see cref="RecommenderChecks.SingularValuesTorch"/>, <see cref="RecommenderChecks.SingularValuesMathNet"/>;
    /// the first, σ from-scratch vs torch, is the primary one whose figures head the report), then each
    /// implementation against its definition — UΣVᵀ = A, UᵀU = I, VᵀV = I (<see cref="RecommenderChecks.Reconstruction"/>).
    /// A whose σ₁ (by the first implementation) lies beyond the double range, or below its normal range where a double
    /// keeps fewer than 53 significant bits, is refused as an input error (<paramref name="source"/> names it): no
    /// implementation can return its σ.
    /// </summary>
    public static VerifyReport Svd(Matrix a, IReadOnlyList<ISvd> implementations, string source)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(implementations);
        string measuredOn = $"the input A ({a.Rows}×{a.Columns})";
        var entries = new Dictionary<string, object>();
        var results = new List<(string Name, SvdResult Result)>();
        foreach (ISvd svd in implementations)
        {
            SvdResult result = svd.Decompose(a);
            if (results.Count == 0)
            {
                RequireRepresentable(result.S[0], "σ₁ of A", source, zeroAllowed: true);
            }
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
        PcaModel scratch = PcaModel.Fit(x, components, new JacobiSvd());
        RequireDetermined(scratch, components, source);
        return Pca(x, scratch, PcaModel.Fit(x, components, new TorchSvd()), x.Columns >= 2 ? MLNetPca.Fit(x, components, mlnetSeed) : null);
    }

    /// <summary>
    /// Refuses (as an input error: no implementation could do better) data whose K axes are not determined in float64 —
    /// constant data, fewer than K axes above the rounding level τ (<see cref="PcaModel.RoundingLevel"/>), two of the
    /// first K + 1 singular values within τ of each other — or whose variances lie beyond the double range.
    /// </summary>
    private static void RequireDetermined(PcaModel model, int components, string source)
    {
        string tau = Number(model.RoundingLevel);
        if (model.Rank == 0)
        {
            throw new UserInputException($"{source}: every column of X is constant (to rounding: σ₁ = {Number(model.SingularValues[0])} ≤ τ = {tau}), so X has no principal axis");
        }
        if (model.Rank < components)
        {
            throw new UserInputException($"{source}: --components {components}, but X has only {model.Rank} principal axes above rounding (σ{model.Rank + 1} = {Number(model.SingularValues[model.Rank])} ≤ τ = {tau}); the others are not determined, use --components ≤ {model.Rank}");
        }
        if (model.FirstTie is int j)
        {
            throw new UserInputException($"{source}: σ{j} = {Number(model.SingularValues[j - 1])} and σ{j + 1} = {Number(model.SingularValues[j])} of the centred X differ by no more than rounding (τ = {tau}), so principal axes {j} and {j + 1} are not determined (any rotation of the two is as good), and --components {components} needs its {components} axes determined");
        }
        RequireRepresentable(model.ExplainedVariance[0], "the explained variance λ₁ = σ₁²/(N − 1)", source, zeroAllowed: false);
        RequireRepresentable(model.ExplainedVariance[^1], $"the explained variance λ{components} = σ{components}²/(N − 1)", source, zeroAllowed: false);
    }

    /// <summary>
    /// Refuses a <paramref name="value"/> (≥ 0) that is +∞, or below 2⁻¹⁰²², the smallest normal double (0 too, unless
    /// <paramref name="zeroAllowed"/>: a value known to be positive that rounds to 0 has underflowed).
    /// </summary>
    private static void RequireRepresentable(double value, string what, string source, bool zeroAllowed)
    {
        if (double.IsPositiveInfinity(value))
        {
            throw new UserInputException($"{source}: {what} is beyond the largest double (1.8e308); divide the data by a power of ten");
        }
        if (value < SmallestNormal && !(value == 0.0 && zeroAllowed))
        {
            throw new UserInputException($"{source}: {what} = {Number(value)} is below the smallest normal double (2.2e-308), where a double keeps fewer than 53 significant bits; multiply the data by a power of ten");
        }
    }

    private static string Number(double value) => value.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);

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
