using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.FraudDetection.Anomaly;

/// <summary>
/// Eigen-decomposition of a symmetric d×d matrix by the cyclic Jacobi method: A = V·diag(λ)·Vᵀ with V orthogonal
/// (eigenvectors in its columns) and λ sorted descending. Each rotation J(p, q, θ) with tan 2θ = 2A_pq/(A_qq − A_pp)
/// zeroes A_pq; sweeps repeat until the off-diagonal Frobenius norm is below 1e-15·‖A‖_F. Written here because a
/// solution may not depend on another (the recommender's SVD); d is small (≤ a few hundred).
/// </summary>
public sealed class JacobiEigen
{
    private JacobiEigen(double[] values, Matrix vectors)
    {
        Values = values;
        Vectors = vectors;
    }

    /// <summary>λ (d), descending.</summary>
    public double[] Values { get; }

    /// <summary>V (d×d), column k the unit eigenvector of λₖ.</summary>
    public Matrix Vectors { get; }

    /// <summary>Decomposes the symmetric matrix <paramref name="symmetric"/> (only its values are read; it is not changed).</summary>
    public static JacobiEigen Decompose(Matrix symmetric)
    {
        ArgumentNullException.ThrowIfNull(symmetric);
        int d = symmetric.Rows;
        Matrix a = symmetric.Clone();
        Matrix v = Matrix.Identity(d);
        double scale = Norms.Frobenius(a);
        for (int sweep = 0; sweep < 100; sweep++)
        {
            double off = 0;
            for (int p = 0; p < d; p++)
            {
                for (int q = p + 1; q < d; q++)
                {
                    off += 2 * a[p, q] * a[p, q];
                }
            }
            if (Math.Sqrt(off) <= 1e-15 * scale)
            {
                break;
            }
            for (int p = 0; p < d; p++)
            {
                for (int q = p + 1; q < d; q++)
                {
                    if (a[p, q] != 0)
                    {
                        Rotate(a, v, p, q);
                    }
                }
            }
        }
        int[] order = [.. Enumerable.Range(0, d).OrderByDescending(k => a[k, k])];
        double[] values = [.. order.Select(k => a[k, k])];
        var vectors = new Matrix(d, d);
        for (int c = 0; c < d; c++)
        {
            for (int r = 0; r < d; r++)
            {
                vectors[r, c] = v[r, order[c]];
            }
        }
        return new JacobiEigen(values, vectors);
    }

    /// <summary>A ← JᵀAJ and V ← VJ for the rotation that zeroes A_pq (c = cos θ, s = sin θ, t = tan θ, the smaller root).</summary>
    private static void Rotate(Matrix a, Matrix v, int p, int q)
    {
        int d = a.Rows;
        double theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
        double t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
        double c = 1 / Math.Sqrt((t * t) + 1), s = t * c;
        for (int k = 0; k < d; k++)
        {
            double akp = a[k, p], akq = a[k, q];
            a[k, p] = (c * akp) - (s * akq);
            a[k, q] = (s * akp) + (c * akq);
        }
        for (int k = 0; k < d; k++)
        {
            double apk = a[p, k], aqk = a[q, k];
            a[p, k] = (c * apk) - (s * aqk);
            a[q, k] = (s * apk) + (c * aqk);
        }
        for (int k = 0; k < d; k++)
        {
            double vkp = v[k, p], vkq = v[k, q];
            v[k, p] = (c * vkp) - (s * vkq);
            v[k, q] = (s * vkp) + (c * vkq);
        }
    }
}
