using System.Globalization;
using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.FraudDetection.Anomaly;

/// <summary>
/// Whether the covariance C (d×d) of rows X (m×d) is invertible in float64, and if not, which feature makes it
/// singular. C = L·Lᵀ (Core's Cholesky) with L_jj² = C_jj·(1 − R²_j), where R²_j is the share of feature j's variance
/// explained by the features before it; C is declared singular when m ≤ d (rank C ≤ m − 1), when a feature is constant,
/// when the factorisation meets a pivot ≤ 0, or when some 1 − R²_j &lt; <see cref="MinUnexplainedShare"/>: below that share
/// the pivot is not far above the rounding error of C itself (≈ m·ε·C_jj, 2e-12·C_jj at m = 10⁴), so anything
/// computed with C⁻¹ along that direction is noise. Used where C⁻¹ (or the Hessian of an unpenalised fit) is needed:
/// the Mahalanobis distance, and <c>verify logreg</c> at λ = 0, whose weights are identifiable only when no feature is
/// constant or a linear combination of others.
/// </summary>
internal static class Collinearity
{
    /// <summary>The smallest 1 − R²ⱼ = L_jj²/C_jj accepted.</summary>
    public const double MinUnexplainedShare = 1e-10;

    /// <summary>
    /// The Cholesky factor of <paramref name="covariance"/> (of the rows <paramref name="x"/>), or null and the first
    /// feature that makes it singular, named from <paramref name="names"/> ("feature j" when null) and described as
    /// lying "over the <paramref name="rows"/>".
    /// </summary>
    public static (Cholesky? Factor, string? Problem) Check(Matrix x, Matrix covariance, IReadOnlyList<string>? names, string rows)
    {
        int m = x.Rows, d = x.Columns;
        string Name(int j) => names is null ? $"feature {j + 1}" : $"feature '{Core.Data.Echo.Value(names[j])}'";
        if (m <= d)
        {
            return (null, Invariant($"{m} {rows} in {d} features give a covariance of rank ≤ {m - 1}, so it is singular"));
        }
        for (int j = 0; j < d; j++)
        {
            if (IsConstant(x, j))
            {
                return (null, Invariant($"{Name(j)} is constant over the {m} {rows}, so their covariance is singular"));
            }
        }
        Cholesky? factor = TryFactor(covariance);
        if (factor is null)
        {
            return (null, Invariant($"{Name(FirstSingularPivot(covariance))} is a linear combination of the features before it over the {m} {rows}, so their covariance is singular"));
        }
        for (int j = 0; j < d; j++)
        {
            double share = factor.L[j, j] * factor.L[j, j] / covariance[j, j];
            if (!(share >= MinUnexplainedShare))
            {
                return (null, Invariant($"{Name(j)} is a linear combination of the features before it over the {m} {rows} up to 1 − R² = {share:0.#e+0} (below {MinUnexplainedShare:0e+0}), so their covariance is numerically singular"));
            }
        }
        return (factor, null);
    }

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
    /// block factors exactly when every block inside it does, so the blocks that fail are those of size &gt; j.
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
