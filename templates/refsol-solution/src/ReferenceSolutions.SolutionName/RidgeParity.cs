using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.SolutionName;

/// <summary>The comparisons behind <see cref="SolutionNameChecks"/>, shared by the run, <c>refsol score</c> and the tests.</summary>
public static class RidgeParity
{
    /// <summary>|θ_twin,j − θ_scratch,j| / s for j = 0…d (θ = (b, w)); s is the twin's parity scale.</summary>
    public static Comparison Theta(RidgeModel scratch, RidgeModel twin, string twinName, double scale)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        ArgumentNullException.ThrowIfNull(twin);
        return new Comparison(SolutionNameModels.FromScratch, twinName).Add("θ", scratch.Theta, twin.Theta, scale);
    }

    /// <summary>
    /// |ŷ_twin,i − ŷ_scratch,i| / (s·(1 + ‖xᵢ‖₁)) for every row i of X (n×d): since |Δŷᵢ| = |Δb + xᵢ·Δw| ≤
    /// ‖Δθ‖∞·(1 + ‖xᵢ‖₁), predictions of twins within the θ tolerance stay within it here.
    /// </summary>
    public static Comparison Predictions(Matrix x, IReadOnlyList<double> scratch, IReadOnlyList<double> twin, string twinName, double scale)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(scratch);
        ArgumentNullException.ThrowIfNull(twin);
        var comparison = new Comparison(SolutionNameModels.FromScratch, twinName);
        for (int i = 0; i < x.Rows; i++)
        {
            double norm = 1.0;
            foreach (double v in x.Row(i))
            {
                norm += Math.Abs(v);
            }
            comparison.Add($"ŷ[{i}]", scratch[i], twin[i], scale * norm);
        }
        return comparison;
    }

    /// <summary>
    /// The normal equations at <paramref name="model"/>'s θ, rebuilt row by row (no GEMM): left Σᵢ x̃ᵢ(x̃ᵢ·θ) + λθ,
    /// right Σᵢ x̃ᵢyᵢ, over the scale (d + 1)·‖A‖max·‖θ‖∞ + ‖X̃ᵀy‖∞ with A = Σᵢ x̃ᵢx̃ᵢᵀ + λI, whose largest entry is on
    /// its diagonal (A is positive definite, so |Aⱼₖ| ≤ √(AⱼⱼAₖₖ)).
    /// </summary>
    public static Comparison NormalEquations(Matrix x, IReadOnlyList<double> y, double lambda, RidgeModel model)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(model);
        double[] theta = model.Theta;
        int p = theta.Length;
        double[] left = new double[p], right = new double[p];
        double aMax = 0;
        var row = new double[p];
        for (int i = 0; i < x.Rows; i++)
        {
            row[0] = 1.0;
            x.Row(i).CopyTo(row.AsSpan(1));
            double fitted = 0;
            for (int j = 0; j < p; j++)
            {
                fitted += row[j] * theta[j];
            }
            for (int j = 0; j < p; j++)
            {
                left[j] += row[j] * fitted;
                right[j] += row[j] * y[i];
            }
        }
        for (int j = 0; j < p; j++)
        {
            left[j] += lambda * theta[j];
        }
        for (int j = 0; j < p; j++)
        {
            double ajj = lambda;
            for (int i = 0; i < x.Rows; i++)
            {
                double v = j == 0 ? 1.0 : x[i, j - 1];
                ajj += v * v;
            }
            aMax = Math.Max(aMax, ajj);
        }
        double scale = (p * aMax * Norms.MaxAbs(theta)) + Norms.MaxAbs(right);
        return new Comparison("(X̃ᵀX̃ + λI)θ", "X̃ᵀy").Add("normal equations", left, right, scale);
    }
}
