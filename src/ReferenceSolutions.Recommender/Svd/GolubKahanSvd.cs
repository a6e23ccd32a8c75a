using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.Recommender.Svd;

/// <summary>
/// Exact thin SVD by Golub–Kahan–Reinsch, from scratch: Householder bidiagonalisation A = U₀·B·V₀ᵀ (B upper bidiagonal,
/// diagonal d, superdiagonal e), then implicit-shift QR sweeps on B — each sweep chases a bulge with Givens rotations
/// from the Wilkinson-like shift of the trailing 2×2 block of BᵀB — deflating when |eⱼ| ≤ ε·‖B‖ and splitting when
/// |dⱼ| ≤ ε·‖B‖, until B is diagonal. A second exact method beside <see cref="JacobiSvd"/> (the order of the classic
/// EISPACK/Numerical Recipes formulation). A is scaled by an exact power of two first; wide A is done through Aᵀ.
/// Derivation: docs/recommender.md#golubkahan-bidiagonalisation.
/// </summary>
public sealed class GolubKahanSvd : ISvd
{
    /// <summary>QR sweeps allowed per singular value.</summary>
    public const int MaxIterations = 75;

    /// <inheritdoc/>
    public string Name => "golub-kahan";

    /// <inheritdoc/>
    public SvdResult Decompose(Matrix a) => PowerOfTwoScaling.Decompose(a, DecomposeScaled);

    private static SvdResult DecomposeScaled(Matrix scaled)
    {
        if (scaled.Rows >= scaled.Columns)
        {
            (Matrix u, double[] s, Matrix v) = Tall(scaled);
            SignConvention.Apply(u, v);
            return new SvdResult(u, s, v);
        }
        (Matrix ut, double[] st, Matrix vt) = Tall(scaled.Transpose());
        SignConvention.Apply(vt, ut);
        return new SvdResult(vt, st, ut);
    }

    /// <summary>SVD of a tall m×n matrix (m ≥ n), overwritten: U: m×n, S: n descending, V: n×n.</summary>
    private static (Matrix U, double[] S, Matrix V) Tall(Matrix a)
    {
        int m = a.Rows;
        int n = a.Columns;
        double[] w = new double[n];
        double[] e = new double[n];
        var v = new Matrix(n, n);
        double bnorm = Bidiagonalise(a, w, e);
        AccumulateRight(a, v, e);
        AccumulateLeft(a, w);
        Diagonalise(a, v, w, e, bnorm);

        int[] order = Enumerable.Range(0, n).OrderByDescending(j => w[j]).ThenBy(j => j).ToArray();
        var u = new Matrix(m, n);
        var vs = new Matrix(n, n);
        for (int jj = 0; jj < n; jj++)
        {
            int j = order[jj];
            for (int i = 0; i < m; i++)
            {
                u[i, jj] = a[i, j];
            }
            for (int i = 0; i < n; i++)
            {
                vs[i, jj] = v[i, j];
            }
        }
        return (u, order.Select(j => w[j]).ToArray(), vs);
    }

    /// <summary>
    /// Householder reflections from the left (zeroing column i below the diagonal) and the right (zeroing row i right of
    /// the superdiagonal), stored in place; d → <paramref name="w"/>, e → <paramref name="e"/> (e₀ = 0). Returns ‖B‖ ≈ max(|dᵢ| + |eᵢ|).
    /// </summary>
    private static double Bidiagonalise(Matrix a, double[] w, double[] e)
    {
        int m = a.Rows;
        int n = a.Columns;
        double g = 0.0, scale = 0.0, bnorm = 0.0;
        for (int i = 0; i < n; i++)
        {
            int l = i + 1;
            e[i] = scale * g;
            g = 0.0;
            scale = 0.0;
            double s = 0.0;
            for (int k = i; k < m; k++)
            {
                scale += Math.Abs(a[k, i]);
            }
            if (scale != 0.0)
            {
                for (int k = i; k < m; k++)
                {
                    a[k, i] /= scale;
                    s += a[k, i] * a[k, i];
                }
                double f = a[i, i];
                g = -Math.CopySign(Math.Sqrt(s), f);
                double h = (f * g) - s;
                a[i, i] = f - g;
                for (int j = l; j < n; j++)
                {
                    double sum = 0.0;
                    for (int k = i; k < m; k++)
                    {
                        sum += a[k, i] * a[k, j];
                    }
                    double factor = sum / h;
                    for (int k = i; k < m; k++)
                    {
                        a[k, j] += factor * a[k, i];
                    }
                }
                for (int k = i; k < m; k++)
                {
                    a[k, i] *= scale;
                }
            }
            w[i] = scale * g;
            g = 0.0;
            s = 0.0;
            scale = 0.0;
            if (i != n - 1)
            {
                for (int k = l; k < n; k++)
                {
                    scale += Math.Abs(a[i, k]);
                }
                if (scale != 0.0)
                {
                    for (int k = l; k < n; k++)
                    {
                        a[i, k] /= scale;
                        s += a[i, k] * a[i, k];
                    }
                    double f = a[i, l];
                    g = -Math.CopySign(Math.Sqrt(s), f);
                    double h = (f * g) - s;
                    a[i, l] = f - g;
                    for (int k = l; k < n; k++)
                    {
                        e[k] = a[i, k] / h;
                    }
                    for (int j = l; j < m; j++)
                    {
                        double sum = 0.0;
                        for (int k = l; k < n; k++)
                        {
                            sum += a[j, k] * a[i, k];
                        }
                        for (int k = l; k < n; k++)
                        {
                            a[j, k] += sum * e[k];
                        }
                    }
                    for (int k = l; k < n; k++)
                    {
                        a[i, k] *= scale;
                    }
                }
            }
            bnorm = Math.Max(bnorm, Math.Abs(w[i]) + Math.Abs(e[i]));
        }
        return bnorm;
    }

    /// <summary>V₀ = product of the right reflections, built backwards into <paramref name="v"/>.</summary>
    private static void AccumulateRight(Matrix a, Matrix v, double[] e)
    {
        int n = a.Columns;
        double g = 0.0;
        int l = n;
        for (int i = n - 1; i >= 0; i--)
        {
            if (i < n - 1)
            {
                if (g != 0.0)
                {
                    for (int j = l; j < n; j++)
                    {
                        v[j, i] = a[i, j] / a[i, l] / g;
                    }
                    for (int j = l; j < n; j++)
                    {
                        double s = 0.0;
                        for (int k = l; k < n; k++)
                        {
                            s += a[i, k] * v[k, j];
                        }
                        for (int k = l; k < n; k++)
                        {
                            v[k, j] += s * v[k, i];
                        }
                    }
                }
                for (int j = l; j < n; j++)
                {
                    v[i, j] = 0.0;
                    v[j, i] = 0.0;
                }
            }
            v[i, i] = 1.0;
            g = e[i];
            l = i;
        }
    }

    /// <summary>U₀ = product of the left reflections, built backwards in place of A (m×n).</summary>
    private static void AccumulateLeft(Matrix a, double[] w)
    {
        int m = a.Rows;
        int n = a.Columns;
        for (int i = n - 1; i >= 0; i--)
        {
            int l = i + 1;
            double g = w[i];
            for (int j = l; j < n; j++)
            {
                a[i, j] = 0.0;
            }
            if (g != 0.0)
            {
                g = 1.0 / g;
                for (int j = l; j < n; j++)
                {
                    double s = 0.0;
                    for (int k = l; k < m; k++)
                    {
                        s += a[k, i] * a[k, j];
                    }
                    double f = s / a[i, i] * g;
                    for (int k = i; k < m; k++)
                    {
                        a[k, j] += f * a[k, i];
                    }
                }
                for (int j = i; j < m; j++)
                {
                    a[j, i] *= g;
                }
            }
            else
            {
                for (int j = i; j < m; j++)
                {
                    a[j, i] = 0.0;
                }
            }
            a[i, i] += 1.0;
        }
    }

    /// <summary>Implicit-shift QR on the bidiagonal (w, e), applying every rotation to U (in <paramref name="a"/>) and V.</summary>
    private static void Diagonalise(Matrix a, Matrix v, double[] w, double[] e, double bnorm)
    {
        int m = a.Rows;
        int n = a.Columns;
        double tol = PowerOfTwoScaling.MachineEpsilon * bnorm;
        for (int k = n - 1; k >= 0; k--)
        {
            for (int iteration = 1; ; iteration++)
            {
                bool cancel = true;
                int l;
                int nm = 0;
                for (l = k; l >= 0; l--)
                {
                    nm = l - 1;
                    if (l == 0 || Math.Abs(e[l]) <= tol)
                    {
                        cancel = false;
                        break;
                    }
                    if (Math.Abs(w[nm]) <= tol)
                    {
                        break;
                    }
                }
                if (cancel)
                {
                    // d_{l−1} ≈ 0: rotate e_l, …, e_k into zero from the left, so the block splits.
                    double c = 0.0, s = 1.0;
                    for (int i = l; i <= k; i++)
                    {
                        double f = s * e[i];
                        e[i] *= c;
                        if (Math.Abs(f) <= tol)
                        {
                            break;
                        }
                        double g = w[i];
                        double h = Hypot(f, g);
                        w[i] = h;
                        c = g / h;
                        s = -f / h;
                        RotateColumns(a, m, nm, i, c, s);
                    }
                }
                double z = w[k];
                if (l == k)
                {
                    if (z < 0.0)
                    {
                        w[k] = -z;
                        for (int j = 0; j < n; j++)
                        {
                            v[j, k] = -v[j, k];
                        }
                    }
                    break;
                }
                if (iteration > MaxIterations)
                {
                    throw new LinearAlgebraException($"Golub–Kahan SVD: no convergence in {MaxIterations} QR sweeps");
                }
                // Shift from the trailing 2×2 block of BᵀB; then chase the bulge from l to k.
                double x = w[l];
                nm = k - 1;
                double y = w[nm];
                double gg = e[nm];
                double hh = e[k];
                double ff = (((y - z) * (y + z)) + ((gg - hh) * (gg + hh))) / (2.0 * hh * y);
                gg = Hypot(ff, 1.0);
                ff = (((x - z) * (x + z)) + (hh * ((y / (ff + Math.CopySign(gg, ff))) - hh))) / x;
                double cs = 1.0, sn = 1.0;
                for (int j = l; j <= nm; j++)
                {
                    int i = j + 1;
                    gg = e[i];
                    y = w[i];
                    hh = sn * gg;
                    gg = cs * gg;
                    z = Hypot(ff, hh);
                    e[j] = z;
                    cs = ff / z;
                    sn = hh / z;
                    ff = (x * cs) + (gg * sn);
                    gg = (gg * cs) - (x * sn);
                    hh = y * sn;
                    y *= cs;
                    RotateColumns(v, n, j, i, cs, sn);
                    z = Hypot(ff, hh);
                    w[j] = z;
                    if (z != 0.0)
                    {
                        cs = ff / z;
                        sn = hh / z;
                    }
                    ff = (cs * gg) + (sn * y);
                    x = (cs * y) - (sn * gg);
                    RotateColumns(a, m, j, i, cs, sn);
                }
                e[l] = 0.0;
                e[k] = ff;
                w[k] = x;
            }
        }
    }

    /// <summary>(column p, column q) ← (c·p + s·q, c·q − s·p) over the first <paramref name="rows"/> rows.</summary>
    private static void RotateColumns(Matrix x, int rows, int p, int q, double c, double s)
    {
        for (int r = 0; r < rows; r++)
        {
            double yp = x[r, p];
            double zq = x[r, q];
            x[r, p] = (yp * c) + (zq * s);
            x[r, q] = (zq * c) - (yp * s);
        }
    }

    private static double Hypot(double a, double b)
    {
        double x = Math.Abs(a), y = Math.Abs(b);
        if (x < y)
        {
            (x, y) = (y, x);
        }
        if (x == 0.0)
        {
            return 0.0;
        }
        double r = y / x;
        return x * Math.Sqrt(1.0 + (r * r));
    }
}
