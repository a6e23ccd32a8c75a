using System.Numerics.Tensors;
using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.Recommender.Svd;

/// <summary>
/// Exact thin SVD by one-sided (Hestenes) Jacobi, from scratch. For a tall A (r ≥ c) it rotates pairs of columns
/// (aₚ, a_q) of A·V by the plane rotation that makes them orthogonal — with α = ‖aₚ‖², β = ‖a_q‖², γ = aₚ·a_q,
/// ζ = (β − α)/(2γ), t = sign(ζ)/(|ζ| + √(1 + ζ²)), c = 1/√(1 + t²), s = c·t — accumulating the same rotations in V,
/// until every pair satisfies |γ| ≤ tol·√(αβ) (tol = max(r, 16)·ε). Then σⱼ = ‖aⱼ‖ and uⱼ = aⱼ/σⱼ. A wide A is
/// decomposed through Aᵀ; a tall one with r ≥ 2c through its Householder QR, A = Q·R, rotating the c×c factor R. Columns of U that belong to σⱼ = 0 are completed to an orthonormal set by Gram–Schmidt
/// on unit vectors. A is first scaled by an exact power of two (undone on σ) so no square under- or overflows. Derivation: docs/recommender.md#one-sided-jacobi-svd.
/// </summary>
public sealed class JacobiSvd : ISvd
{
    /// <summary>Sweeps allowed before giving up (convergence is quadratic; 10–15 sweeps is typical).</summary>
    public const int MaxSweeps = 80;

    /// <summary>
    /// 2⁻⁹⁶⁰: from this column norm² on, the plain dot products keep their relative accuracy — each product lost to
    /// underflow is below 2⁻¹⁰⁷⁴, so even 2³¹ of them shift α by less than 2⁻⁸³·α.
    /// </summary>
    private static readonly double SafeSquare = Math.ScaleB(1.0, -960);

    /// <summary>2⁻¹⁰²², the smallest normal double.</summary>
    private static readonly double SmallestNormal = Math.ScaleB(1.0, -1022);

    /// <summary>2⁻⁵⁰⁰: a column-norm ratio or 1/|ζ| below it is where ζ² or 1/ρ would leave the double range.</summary>
    private static readonly double LargeTangentArgument = Math.ScaleB(1.0, -500);

    /// <inheritdoc/>
    public string Name => "from-scratch";

    /// <inheritdoc/>
    public SvdResult Decompose(Matrix a) => PowerOfTwoScaling.Decompose(a, DecomposeScaled);

    private static SvdResult DecomposeScaled(Matrix a)
    {
        if (a.Rows >= 2 * a.Columns)
        {
            // QR preconditioning: A = Q·R, so A = (Q·U_R)·Σ·Vᵀ from the SVD of the small c×c factor R.
            HouseholderQr qr = HouseholderQr.Decompose(a);
            (Matrix ur, double[] s, Matrix v) = Tall(qr.ThinR().Transpose());
            Matrix u = qr.ThinQ() * ur;
            SignConvention.Apply(u, v);
            return new SvdResult(u, s, v);
        }
        if (a.Rows >= a.Columns)
        {
            (Matrix u, double[] s, Matrix v) = Tall(a.Transpose());
            SignConvention.Apply(u, v);
            return new SvdResult(u, s, v);
        }
        else
        {
            // A = (Aᵀ)ᵀ: if Aᵀ = U'·S·V'ᵀ then A = V'·S·U'ᵀ; the rows of A are the columns of Aᵀ.
            (Matrix u, double[] s, Matrix v) = Tall(a.Clone());
            SignConvention.Apply(v, u);
            return new SvdResult(v, s, u);
        }
    }

    /// <summary>
    /// SVD of a tall r×c matrix given as its transpose <paramref name="g"/> (c×r; row j is column j of A), which is
    /// rotated in place. Returns U: r×c, S: c, V: c×c.
    /// </summary>
    private static (Matrix U, double[] S, Matrix V) Tall(Matrix g)
    {
        int c = g.Rows;
        int r = g.Columns;
        Matrix vt = Matrix.Identity(c);
        double tol = Math.Max(r, 16) * PowerOfTwoScaling.MachineEpsilon;
        bool rotated = true;
        int sweep = 0;
        while (rotated)
        {
            if (++sweep > MaxSweeps)
            {
                throw new LinearAlgebraException($"one-sided Jacobi SVD did not converge in {MaxSweeps} sweeps");
            }
            rotated = false;
            for (int p = 0; p < c - 1; p++)
            {
                for (int q = p + 1; q < c; q++)
                {
                    Span<double> ap = g.Row(p);
                    Span<double> aq = g.Row(q);
                    double t = Tangent(ap, aq, tol);
                    if (t == 0.0)
                    {
                        continue;
                    }
                    rotated = true;
                    double cs = 1.0 / Math.Sqrt(1.0 + (t * t));
                    double sn = cs * t;
                    Rotate(ap, aq, cs, sn);
                    Rotate(vt.Row(p), vt.Row(q), cs, sn);
                }
            }
        }
        return Assemble(g, vt);
    }

    /// <summary>
    /// t = tan θ of the rotation that makes columns <paramref name="ap"/> and <paramref name="aq"/> orthogonal, or 0 when
    /// they already are: |cos ∠(aₚ, a_q)| = |γ|/√(αβ) ≤ <paramref name="tol"/>, or one is zero, or its norm is below
    /// the smallest normal double (there it has no relative precision left, and A was scaled so σ₁ ≥ 1: it moves no
    /// σ by more than 2⁻¹⁰²²). When α and β are at least <see cref="SafeSquare"/>, the plain dot products are accurate;
    /// otherwise the squares of a small column underflow (for 1e-170 entries α would be 0 and the test would never
    /// pass), so each column is first scaled by an exact power of two and the rotation is computed from the norms
    /// ‖aₚ‖, ‖a_q‖ and the cosine, with ζ = (‖a_q‖/‖aₚ‖ − ‖aₚ‖/‖a_q‖)/(2·cos).
    /// </summary>
    private static double Tangent(ReadOnlySpan<double> ap, ReadOnlySpan<double> aq, double tol)
    {
        double gamma = TensorPrimitives.Dot<double>(ap, aq);
        if (gamma == 0.0)
        {
            return 0.0;
        }
        double alpha = TensorPrimitives.Dot<double>(ap, ap);
        double beta = TensorPrimitives.Dot<double>(aq, aq);
        if (alpha >= SafeSquare && beta >= SafeSquare)
        {
            return Math.Abs(gamma) <= tol * Math.Sqrt(alpha) * Math.Sqrt(beta) ? 0.0 : TangentOf((beta - alpha) / (2.0 * gamma));
        }
        (double np, double nq, double cosine) = ScaledAngle(ap, aq);
        if (Math.Min(np, nq) < SmallestNormal || Math.Abs(cosine) <= tol)
        {
            return 0.0;
        }
        double ratio = Math.Min(np, nq) / Math.Max(np, nq);
        if (ratio >= LargeTangentArgument)
        {
            return TangentOf(((nq / np) - (np / nq)) / (2.0 * cosine));
        }
        // ρ = ratio < 2⁻⁵⁰⁰: |ζ| ≈ 1/(2ρ·|cos|), and t = 1/(2ζ)·(1 + O(ζ⁻²)) = ∓ρ·cos to the last bit.
        return np >= nq ? -cosine * ratio : cosine * ratio;
    }

    /// <summary>
    /// t = sign(ζ)/(|ζ| + √(1 + ζ²)), the smaller root of t² + 2ζt − 1 = 0; for |ζ| &gt; 2⁵⁰⁰, where ζ² would overflow,
    /// t = 1/(2ζ), which is the same to the last bit.
    /// </summary>
    private static double TangentOf(double zeta) =>
        Math.Abs(zeta) > 1.0 / LargeTangentArgument ? 1.0 / (2.0 * zeta) : (zeta >= 0 ? 1.0 : -1.0) / (Math.Abs(zeta) + Math.Sqrt(1.0 + (zeta * zeta)));

    /// <summary>
    /// (‖x‖, ‖y‖, x·y/(‖x‖·‖y‖)) with each vector scaled by an exact power of two (its largest entry into [1, 2)) before
    /// any product, so nothing under- or overflows; (0, 0, 0) when either is zero.
    /// </summary>
    private static (double NormX, double NormY, double Cosine) ScaledAngle(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double mx = Norms.MaxAbs(x), my = Norms.MaxAbs(y);
        if (mx == 0.0 || my == 0.0)
        {
            return (0.0, 0.0, 0.0);
        }
        int ex = Math.ILogB(mx), ey = Math.ILogB(my);
        double xx = 0.0, yy = 0.0, xy = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            double xi = Math.ScaleB(x[i], -ex);
            double yi = Math.ScaleB(y[i], -ey);
            xx += xi * xi;
            yy += yi * yi;
            xy += xi * yi;
        }
        double nx = Math.Sqrt(xx), ny = Math.Sqrt(yy);
        return (Math.ScaleB(nx, ex), Math.ScaleB(ny, ey), xy / nx / ny);
    }

    /// <summary>(x, y) ← (c·x − s·y, s·x + c·y), element-wise.</summary>
    private static void Rotate(Span<double> x, Span<double> y, double c, double s)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double xi = x[i];
            double yi = y[i];
            x[i] = (c * xi) - (s * yi);
            y[i] = (s * xi) + (c * yi);
        }
    }

    /// <summary>σⱼ = ‖gⱼ‖, sorted descending; uⱼ = gⱼ/σⱼ (completed where σⱼ = 0); vⱼ = row j of Vᵀ.</summary>
    private static (Matrix U, double[] S, Matrix V) Assemble(Matrix g, Matrix vt)
    {
        int c = g.Rows;
        int r = g.Columns;
        double[] norms = new double[c];
        for (int j = 0; j < c; j++)
        {
            norms[j] = Norms.Euclidean(g.Row(j));
        }
        int[] order = Enumerable.Range(0, c).OrderByDescending(j => norms[j]).ThenBy(j => j).ToArray();
        var ut = new Matrix(c, r);
        var v = new Matrix(c, c);
        double[] s = new double[c];
        var zero = new List<int>();
        for (int jj = 0; jj < c; jj++)
        {
            int j = order[jj];
            s[jj] = norms[j];
            if (norms[j] > 0.0)
            {
                TensorPrimitives.Divide(g.Row(j), norms[j], ut.Row(jj));
            }
            else
            {
                zero.Add(jj);
            }
            for (int i = 0; i < c; i++)
            {
                v[i, jj] = vt[j, i];
            }
        }
        CompleteOrthonormal(ut, zero);
        return (ut.Transpose(), s, v);
    }

    /// <summary>Fills rows <paramref name="missing"/> of <paramref name="rows"/> with unit vectors orthogonal to all others (Gram–Schmidt, twice).</summary>
    internal static void CompleteOrthonormal(Matrix rows, IReadOnlyList<int> missing)
    {
        var filled = Enumerable.Range(0, rows.Rows).Except(missing).ToList();
        int candidate = 0;
        foreach (int target in missing)
        {
            Span<double> x = rows.Row(target);
            while (true)
            {
                x.Clear();
                x[candidate++] = 1.0;
                for (int pass = 0; pass < 2; pass++)
                {
                    foreach (int f in filled)
                    {
                        ReadOnlySpan<double> y = rows.Row(f);
                        double projection = TensorPrimitives.Dot(y, x);
                        TensorPrimitives.MultiplyAdd(y, -projection, x, x);
                    }
                }
                double norm = Norms.Euclidean(x);
                if (norm > 0.5)
                {
                    TensorPrimitives.Divide(x, norm, x);
                    break;
                }
            }
            filled.Add(target);
        }
    }
}
