using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.FraudDetection.LogisticRegression;

/// <summary>
/// The objective every twin minimises, over θ = [b, w] (d + 1) for X (n×d), y ∈ {0,1}ⁿ:
/// f(θ) = Σᵢ logloss(yᵢ, σ(b + wᵀxᵢ)) + (λ/2)‖w‖²  (sum, not mean; the intercept b is not penalised).
/// With x̃ᵢ = [1, xᵢ] and pᵢ = σ(θᵀx̃ᵢ): ∇f = Σᵢ (pᵢ − yᵢ)·x̃ᵢ + λ·[0, w];
/// ∇²f = Σᵢ pᵢ(1 − pᵢ)·x̃ᵢx̃ᵢᵀ + λ·diag(0, 1, …, 1) (docs/fraud-detection.md#gradient-and-hessian).
/// </summary>
public static class LogisticObjective
{
    /// <summary>f(θ).</summary>
    public static double Value(Matrix x, IReadOnlyList<int> y, double lambda, ReadOnlySpan<double> theta)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        double[] z = Logits(x, theta);
        double sum = 0.0;
        for (int i = 0; i < z.Length; i++)
        {
            sum += Sigmoid.LogLoss(y[i], z[i]);
        }
        return sum + (0.5 * lambda * System.Numerics.Tensors.TensorPrimitives.Dot(theta[1..], theta[1..]));
    }

    /// <summary>∇f(θ) (d + 1).</summary>
    public static double[] Gradient(Matrix x, IReadOnlyList<int> y, double lambda, ReadOnlySpan<double> theta)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        double[] z = Logits(x, theta);
        double[] g = new double[theta.Length];
        for (int i = 0; i < z.Length; i++)
        {
            double r = Sigmoid.Of(z[i]) - y[i];
            g[0] += r;
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(x.Row(i), r, g.AsSpan(1), g.AsSpan(1));
        }
        for (int j = 1; j < g.Length; j++)
        {
            g[j] += lambda * theta[j];
        }
        return g;
    }

    /// <summary>∇²f(θ) ((d + 1)×(d + 1)), accumulated as Σᵢ pᵢ(1 − pᵢ)·x̃ᵢx̃ᵢᵀ, symmetric.</summary>
    public static Matrix Hessian(Matrix x, double lambda, ReadOnlySpan<double> theta)
    {
        ArgumentNullException.ThrowIfNull(x);
        double[] z = Logits(x, theta);
        int d1 = theta.Length;
        var h = new Matrix(d1, d1);
        double[] xt = new double[d1];
        xt[0] = 1.0;
        for (int i = 0; i < z.Length; i++)
        {
            double p = Sigmoid.Of(z[i]);
            double s = p * (1.0 - p);
            x.Row(i).CopyTo(xt.AsSpan(1));
            for (int a = 0; a < d1; a++)
            {
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(xt.AsSpan(0, a + 1), s * xt[a], h.Row(a)[..(a + 1)], h.Row(a)[..(a + 1)]);
            }
        }
        for (int a = 0; a < d1; a++)
        {
            if (a > 0)
            {
                h[a, a] += lambda;
            }
            for (int c = 0; c < a; c++)
            {
                h[c, a] = h[a, c];
            }
        }
        return h;
    }

    /// <summary>
    /// ∇²f(θ) as one GEMM: with sᵢ = pᵢ(1 − pᵢ) and SX = diag(s)·X (n×d), the w-block is Xᵀ·(SX) (Core's blocked
    /// kernel), the intercept row and column are 𝟙ᵀ(SX) and the corner is Σᵢ sᵢ. The same sums as <see cref="Hessian"/>,
    /// added in another order; the w-block's lower triangle is mirrored so the result is exactly symmetric.
    /// An n×d <paramref name="workspace"/> (optional) receives SX, so repeated calls on one X allocate no n×d matrix.
    /// </summary>
    public static Matrix HessianBlocked(Matrix x, double lambda, ReadOnlySpan<double> theta, Matrix? workspace = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        double[] z = Logits(x, theta);
        int d = x.Columns;
        Matrix sx = workspace is not null && workspace.Rows == x.Rows && workspace.Columns == d ? workspace : new Matrix(x.Rows, d);
        double[] columnSums = new double[d];
        double sTotal = 0.0;
        for (int i = 0; i < z.Length; i++)
        {
            double p = Sigmoid.Of(z[i]);
            double s = p * (1.0 - p);
            sTotal += s;
            System.Numerics.Tensors.TensorPrimitives.Multiply(x.Row(i), s, sx.Row(i));
            System.Numerics.Tensors.TensorPrimitives.Add(columnSums, sx.Row(i), columnSums);
        }
        var block = new Matrix(d, d);
        Gemm.Compute(1.0, x, true, sx, false, 0.0, block); // (d,n)·(n,d) → (d,d)
        var h = new Matrix(d + 1, d + 1);
        h[0, 0] = sTotal;
        for (int a = 0; a < d; a++)
        {
            h[0, a + 1] = columnSums[a];
            h[a + 1, 0] = columnSums[a];
            for (int c = 0; c <= a; c++)
            {
                h[a + 1, c + 1] = block[a, c];
                h[c + 1, a + 1] = block[a, c];
            }
            h[a + 1, a + 1] += lambda;
        }
        return h;
    }

    /// <summary>zᵢ = b + wᵀxᵢ (n).</summary>
    public static double[] Logits(Matrix x, ReadOnlySpan<double> theta)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (theta.Length != x.Columns + 1)
        {
            throw new ArgumentException($"θ has {theta.Length} entries; X has {x.Columns} columns, so θ needs {x.Columns + 1}");
        }
        double[] z = x.Multiply(theta[1..]);
        for (int i = 0; i < z.Length; i++)
        {
            z[i] += theta[0];
        }
        return z;
    }
}
