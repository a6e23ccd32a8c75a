using System.Globalization;
using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.FraudDetection.Anomaly;

/// <summary>
/// Mahalanobis distance to the normal class: D²(x) = (x − μ)ᵀC⁻¹(x − μ) with μ, C fitted on normal rows X (m×d);
/// C = L·Lᵀ (Core's Cholesky), so D² = ‖L⁻¹(x − μ)‖² by one forward substitution per row.
/// <para>
/// D² needs C⁻¹, so <see cref="TryFit"/> declines — with the reason — when C is singular or numerically so: m ≤ d
/// (rank C ≤ m − 1), a feature constant over the normal rows, or a feature that the ones before it explain up to
/// 1 − R² &lt; <see cref="MinUnexplainedShare"/>, where L_jj² = C_jj·(1 − R²_j) is the part of feature j's variance the
/// earlier features leave unexplained. Below that share the pivot is not far above the rounding error of C itself
/// (≈ m·ε·C_jj, 2e-12·C_jj at m = 10⁴), and D² along that direction is noise
/// (docs/fraud-detection.md#pca-and-mahalanobis-anomaly-scores).
/// </para>
/// </summary>
public sealed class MahalanobisDetector : IAnomalyScorer
{
    /// <summary>The smallest 1 − R²ⱼ = L_jj²/C_jj accepted.</summary>
    public const double MinUnexplainedShare = 1e-10;

    private readonly double[] _mean;
    private readonly Cholesky _cholesky;

    private MahalanobisDetector(double[] mean, Cholesky cholesky)
    {
        _mean = mean;
        _cholesky = cholesky;
    }

    /// <summary>The detector, or why it cannot be fitted.</summary>
    public sealed record FitResult(MahalanobisDetector? Detector, string? Reason);

    /// <summary>Fits μ and C on <paramref name="normal"/> (m×d); throws <see cref="LinearAlgebraException"/> when C is singular (see <see cref="TryFit"/>).</summary>
    public static MahalanobisDetector Fit(Matrix normal)
    {
        FitResult result = TryFit(normal, null);
        return result.Detector ?? throw new LinearAlgebraException(result.Reason!);
    }

    /// <summary>
    /// Fits μ and C on <paramref name="normal"/> (m×d), or says why C⁻¹ does not exist numerically, naming the feature
    /// from <paramref name="names"/> (d; "feature j" when null).
    /// </summary>
    public static FitResult TryFit(Matrix normal, IReadOnlyList<string>? names)
    {
        ArgumentNullException.ThrowIfNull(normal);
        int m = normal.Rows, d = normal.Columns;
        string Name(int j) => names is null ? $"feature {j + 1}" : $"feature '{Core.Data.Echo.Value(names[j])}'";
        if (m <= d)
        {
            return Declined(Invariant($"its covariance needs more legitimate training rows than features: {m} rows in {d} features give rank ≤ {m - 1}"));
        }
        for (int j = 0; j < d; j++)
        {
            if (IsConstant(normal, j))
            {
                return Declined(Invariant($"{Name(j)} is constant over the {m} legitimate training rows, so their covariance is singular"));
            }
        }
        (double[] mean, Matrix covariance) = Covariance.Of(normal);
        Cholesky? factor = TryFactor(covariance);
        if (factor is null)
        {
            int j = FirstSingularPivot(covariance);
            return Declined(Invariant($"{Name(j)} is a linear combination of the features before it over the {m} legitimate training rows, so their covariance is singular"));
        }
        for (int j = 0; j < d; j++)
        {
            double share = factor.L[j, j] * factor.L[j, j] / covariance[j, j];
            if (!(share >= MinUnexplainedShare))
            {
                return Declined(Invariant($"{Name(j)} is a linear combination of the features before it over the {m} legitimate training rows up to 1 − R² = {share:0.#e+0} (below {MinUnexplainedShare:0e+0}), so their covariance is numerically singular"));
            }
        }
        return new FitResult(new MahalanobisDetector(mean, factor), null);
    }

    /// <inheritdoc/>
    public double[] Score(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        double[] scores = new double[x.Rows];
        double[] r = new double[x.Columns];
        for (int i = 0; i < x.Rows; i++)
        {
            System.Numerics.Tensors.TensorPrimitives.Subtract(x.Row(i), _mean, r);
            double[] y = Triangular.SolveLower(_cholesky.L, r);
            scores[i] = System.Numerics.Tensors.TensorPrimitives.Dot(y, y);
        }
        return scores;
    }

    private static FitResult Declined(string reason) => new(null, "Mahalanobis distance not computed: " + reason);

    private static bool IsConstant(Matrix x, int column)
    {
        double first = x[0, column];
        for (int i = 1; i < x.Rows; i++)
        {
            if (x[i, column] != first)
            {
                return false;
            }
        }
        return true;
    }

    private static Cholesky? TryFactor(Matrix a)
    {
        try
        {
            return Cholesky.Factor(a);
        }
        catch (LinearAlgebraException)
        {
            return null;
        }
    }

    /// <summary>
    /// The first j whose leading (j + 1)×(j + 1) block of <paramref name="a"/> has no Cholesky factor, by bisection: a
    /// block factors exactly when every block inside it does, so the blocks that fail are those of size > j.
    /// </summary>
    private static int FirstSingularPivot(Matrix a)
    {
        int good = 0, bad = a.Rows;
        while (bad - good > 1)
        {
            int size = (good + bad) / 2;
            var block = new Matrix(size, size);
            for (int r = 0; r < size; r++)
            {
                a.Row(r)[..size].CopyTo(block.Row(r));
            }
            if (TryFactor(block) is null)
            {
                bad = size;
            }
            else
            {
                good = size;
            }
        }
        return bad - 1;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
