namespace ReferenceSolutions.Core.LinearAlgebra;

/// <summary>
/// Householder QR of an m×n matrix: A = Q·R, Q: m×m orthogonal, R: m×n upper triangular. Step j reflects column j
/// below the diagonal onto e₁ with H = I − τ·v·vᵀ, v = x − α·e₁, α = −sign(x₀)·‖x‖ (the sign that avoids cancellation),
/// τ = 2 / vᵀv. So the diagonal of R may be negative, as in LAPACK's dgeqrf.
/// Derivation: docs/core.md#householder-qr.
/// </summary>
public sealed class HouseholderQr
{
    private readonly Matrix _factored;
    private readonly double[][] _reflectors;
    private readonly double[] _tau;

    private HouseholderQr(Matrix factored, double[][] reflectors, double[] tau)
    {
        _factored = factored;
        _reflectors = reflectors;
        _tau = tau;
    }

    /// <summary>m.</summary>
    public int Rows => _factored.Rows;

    /// <summary>n.</summary>
    public int Columns => _factored.Columns;

    /// <summary>2⁻⁹⁰⁰: below it vᵀv has lost the squares of v's small entries to underflow.</summary>
    private static readonly double SafeSquareMin = Math.ScaleB(1.0, -900);

    /// <summary>2⁹⁰⁰: above it vᵀv is near overflow.</summary>
    private static readonly double SafeSquareMax = Math.ScaleB(1.0, 900);

    /// <summary>Factors A (A is not modified).</summary>
    public static HouseholderQr Decompose(Matrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var r = a.Clone();
        int m = r.Rows, n = r.Columns;
        int steps = Math.Min(m - 1, n);
        var reflectors = new double[Math.Max(steps, 0)][];
        var tau = new double[Math.Max(steps, 0)];
        for (int j = 0; j < steps; j++)
        {
            var v = new double[m - j];
            for (int i = j; i < m; i++)
            {
                v[i - j] = r[i, j];
            }
            double norm = Norms.Euclidean(v);
            reflectors[j] = v;
            if (norm == 0.0)
            {
                continue;
            }
            double alpha = v[0] >= 0.0 ? -norm : norm;
            v[0] -= alpha;
            double vtv = System.Numerics.Tensors.TensorPrimitives.Dot(v, v);
            if (!(vtv >= SafeSquareMin && vtv <= SafeSquareMax))
            {
                // vᵀv under- or overflows. H = I − 2·v·vᵀ/(vᵀv) does not change when v is scaled, so scale v by the exact
                // power of two that brings its largest entry, v₀ = r_jj + sign(r_jj)·‖x‖, into [1, 2).
                int exponent = Math.ILogB(v[0]);
                for (int i = 0; i < v.Length; i++)
                {
                    v[i] = Math.ScaleB(v[i], -exponent);
                }
                vtv = System.Numerics.Tensors.TensorPrimitives.Dot(v, v);
            }
            tau[j] = 2.0 / vtv;
            ApplyReflector(r, v, tau[j], j, j);
            r[j, j] = alpha;
            for (int i = j + 1; i < m; i++)
            {
                r[i, j] = 0.0;
            }
        }
        return new HouseholderQr(r, reflectors, tau);
    }

    /// <summary>R: m×n upper triangular (the full factor).</summary>
    public Matrix R => _factored.Clone();

    /// <summary>The thin R: the first min(m, n) rows of R, min(m, n)×n.</summary>
    public Matrix ThinR()
    {
        int p = Math.Min(Rows, Columns);
        var thin = new Matrix(p, Columns);
        _factored.Data.AsSpan(0, p * Columns).CopyTo(thin.Data);
        return thin;
    }

    /// <summary>Q: m×m orthogonal, accumulated as H₀·H₁·…·H_{s−1}·I.</summary>
    public Matrix Q() => AccumulateQ(Rows);

    /// <summary>The thin Q: the first min(m, n) columns of Q, m×min(m, n), with orthonormal columns.</summary>
    public Matrix ThinQ() => AccumulateQ(Math.Min(Rows, Columns));

    /// <summary>Least-squares solution of A·x ≈ b for m ≥ n and full column rank: R₁·x = (Qᵀb)[0..n).</summary>
    public double[] Solve(ReadOnlySpan<double> b)
    {
        if (b.Length != Rows)
        {
            throw new ArgumentException($"right-hand side has length {b.Length}, A has {Rows} rows", nameof(b));
        }
        if (Rows < Columns)
        {
            throw new LinearAlgebraException($"least squares needs m ≥ n; A is {Rows}×{Columns}");
        }
        var qtb = new Matrix(Rows, 1, b.ToArray());
        for (int j = 0; j < _tau.Length; j++)
        {
            if (_tau[j] != 0.0)
            {
                ApplyReflector(qtb, _reflectors[j], _tau[j], j, 0);
            }
        }
        var r1 = ThinR();
        return Triangular.SolveUpper(r1, qtb.Data.AsSpan(0, Columns));
    }

    private Matrix AccumulateQ(int columns)
    {
        var q = new Matrix(Rows, columns);
        for (int i = 0; i < Math.Min(Rows, columns); i++)
        {
            q[i, i] = 1.0;
        }
        for (int j = _tau.Length - 1; j >= 0; j--)
        {
            if (_tau[j] != 0.0)
            {
                ApplyReflector(q, _reflectors[j], _tau[j], j, 0);
            }
        }
        return q;
    }

    /// <summary>Rows j.. of columns from.. of M ← (I − τ·v·vᵀ)·M, as M − τ·v·(vᵀM).</summary>
    private static void ApplyReflector(Matrix m, double[] v, double tau, int j, int from)
    {
        int columns = m.Columns;
        var w = new double[columns - from];
        for (int i = j; i < m.Rows; i++)
        {
            double vi = v[i - j];
            Span<double> row = m.Row(i)[from..];
            for (int c = 0; c < w.Length; c++)
            {
                w[c] += vi * row[c];
            }
        }
        for (int i = j; i < m.Rows; i++)
        {
            double scale = tau * v[i - j];
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(w, -scale, m.Row(i)[from..], m.Row(i)[from..]);
        }
    }
}
