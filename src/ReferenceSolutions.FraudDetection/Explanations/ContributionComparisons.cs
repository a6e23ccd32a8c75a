using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.FraudDetection.LogisticRegression;

namespace ReferenceSolutions.FraudDetection.Explanations;

/// <summary>
/// The comparisons behind the contributions checks (<see cref="FraudChecks.ContributionsMLNet"/>,
/// <see cref="FraudChecks.ContributionsScratchMLNet"/>), on standardised rows Z (n×d).
/// </summary>
public static class ContributionComparisons
{
    /// <summary>
    /// ML.NET's contributions of <paramref name="mlnet"/> against the formula with its own float32 weights: raw,
    /// fl₃₂(wⱼ·fl₃₂(zᵢⱼ)); normalised, fl₃₂(cᵢⱼ·fl₃₂(1/maxⱼ|cᵢⱼ|)) (a row of zeros stays 0). Absolute.
    /// </summary>
    public static Comparison OwnWeights(MLNetLogisticModel mlnet, Matrix z)
    {
        ArgumentNullException.ThrowIfNull(mlnet);
        ArgumentNullException.ThrowIfNull(z);
        Matrix raw = MLNetExplanations.Contributions(mlnet.Trained.Model, z, normalize: false);
        Matrix normalised = MLNetExplanations.Contributions(mlnet.Trained.Model, z, normalize: true);
        double[] w = mlnet.Theta.Weights;
        var expected = new Matrix(z.Rows, z.Columns);
        var expectedNormalised = new Matrix(z.Rows, z.Columns);
        for (int i = 0; i < z.Rows; i++)
        {
            float max = 0;
            for (int j = 0; j < z.Columns; j++)
            {
                float c = (float)(w[j] * (float)z[i, j]);
                expected[i, j] = c;
                max = Math.Max(max, Math.Abs(c));
            }
            float ratio = max == 0 ? 1 : 1 / max;
            for (int j = 0; j < z.Columns; j++)
            {
                expectedNormalised[i, j] = (float)expected[i, j] * ratio;
            }
        }
        return new Comparison(ModelKinds.FromScratch, ModelKinds.MLNet)
            .Add("c (normalize: false)", expected, raw)
            .Add("c / max|c| (normalize: true)", expectedNormalised, normalised);
    }

    /// <summary>
    /// The from-scratch contributions wⱼ^scratch·zᵢⱼ against ML.NET's (normalize: false), each entry in units of
    /// ‖θ_scratch‖∞·|zᵢⱼ| (‖θ_scratch‖∞ where zᵢⱼ = 0, where both sides are exactly 0).
    /// </summary>
    public static Comparison FromScratch(LogisticModel scratch, MLNetLogisticModel mlnet, Matrix z)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        ArgumentNullException.ThrowIfNull(mlnet);
        ArgumentNullException.ThrowIfNull(z);
        return FromScratch(LinearContributions.Of(z, scratch.Weights), MLNetExplanations.Contributions(mlnet.Trained.Model, z, normalize: false), z,
            Norms.MaxAbs(scratch.Theta));
    }

    /// <summary>Contributions C (n×d) against C′ (n×d) of rows Z, entry by entry in units of <paramref name="thetaNorm"/>·|zᵢⱼ|.</summary>
    public static Comparison FromScratch(Matrix scratch, Matrix mlnet, Matrix z, double thetaNorm)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        ArgumentNullException.ThrowIfNull(mlnet);
        ArgumentNullException.ThrowIfNull(z);
        var comparison = new Comparison(ModelKinds.FromScratch, ModelKinds.MLNet);
        for (int i = 0; i < z.Rows; i++)
        {
            for (int j = 0; j < z.Columns; j++)
            {
                double size = Math.Abs(z[i, j]);
                comparison.Add($"c[{i}, {j}] / (‖θ‖∞·|z|)", scratch[i, j], mlnet[i, j], thetaNorm * (size > 0 ? size : 1));
            }
        }
        return comparison;
    }
}
