using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Native;

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
        return ValueAt(Logits(x, theta), y, lambda, theta);
    }

    /// <summary>f(θ) from its logits z = X̃θ (as <see cref="Logits"/> gives them).</summary>
    public static double ValueAt(ReadOnlySpan<double> z, IReadOnlyList<int> y, double lambda, ReadOnlySpan<double> theta)
    {
        ArgumentNullException.ThrowIfNull(y);
        if (z.Length != y.Count)
        {
            throw new ArgumentException($"{z.Length} logits for {y.Count} labels", nameof(z));
        }
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
    /// ∇f and ∇²f together, from the logits z = X̃θ, in one pass over the rows, <see cref="WeightedGram.ChunkRows"/> at a
    /// time: each row forms rᵢ = pᵢ − yᵢ and sᵢ = pᵢ(1 − pᵢ), adds rᵢx̃ᵢ to the gradient and sᵢxᵢ to the column sums
    /// 𝟙ᵀ(SX) (SX = diag(s)·X); then the chunk, still in cache, is added into the Hessian's w-block Xᵀ·diag(s)·X
    /// (<see cref="WeightedGram"/>, lower triangle). The intercept row and column are 𝟙ᵀ(SX) and the corner Σᵢ sᵢ.
    /// The gradient is <see cref="Gradient"/>'s, bit for bit (the same products and sums, row by row); the Hessian
    /// has <see cref="Hessian"/>'s sums in another order, mirrored so it is exactly symmetric. Memory: O(d² + 256·d),
    /// nothing n×d.
    /// </summary>
    public static (double[] Gradient, Matrix Hessian) GradientAndHessian(Matrix x, IReadOnlyList<int> y, double lambda, ReadOnlySpan<double> theta, ReadOnlySpan<double> z) =>
        GradientAndHessian(VectorWidth.Current, x, y, lambda, theta, z);

    /// <summary><see cref="GradientAndHessian(Matrix, IReadOnlyList{int}, double, ReadOnlySpan{double}, ReadOnlySpan{double})"/> with the row pass and the Gram kernel in the given width.</summary>
    internal static (double[] Gradient, Matrix Hessian) GradientAndHessian(SimdWidth width, Matrix x, IReadOnlyList<int> y, double lambda, ReadOnlySpan<double> theta, ReadOnlySpan<double> z)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        int d = x.Columns;
        if (theta.Length != d + 1 || z.Length != x.Rows || y.Count != x.Rows)
        {
            throw new ArgumentException($"X is {x.Rows}×{d}: θ needs {d + 1} entries (has {theta.Length}), z and y {x.Rows} (have {z.Length} and {y.Count})");
        }
        ReadOnlySpan<int> labels = y as int[] ?? [.. y];
        double[] g = new double[d + 1];
        double[] columnSums = new double[d];
        double sTotal = 0.0;
        var gram = new WeightedGram.Accumulator(width, x);
        Span<double> s = stackalloc double[WeightedGram.ChunkRows];
        for (int start = 0; start < z.Length; start += WeightedGram.ChunkRows)
        {
            int rows = Math.Min(WeightedGram.ChunkRows, z.Length - start);
            for (int k = 0; k < rows; k++)
            {
                int i = start + k;
                double p = Sigmoid.Of(z[i]);
                double r = p - labels[i];
                s[k] = p * (1.0 - p);
                g[0] += r;
                sTotal += s[k];
                AccumulateRow(width, x.Row(i), r, s[k], g.AsSpan(1), columnSums);
            }
            gram.AddChunk(start, s[..rows]);
        }
        for (int j = 1; j < g.Length; j++)
        {
            g[j] += lambda * theta[j];
        }
        var h = new Matrix(d + 1, d + 1);
        h[0, 0] = sTotal;
        for (int a = 0; a < d; a++)
        {
            h[0, a + 1] = columnSums[a];
            h[a + 1, 0] = columnSums[a];
            for (int c = 0; c <= a; c++)
            {
                h[a + 1, c + 1] = gram.Lower[(a * d) + c];
                h[c + 1, a + 1] = gram.Lower[(a * d) + c];
            }
            h[a + 1, a + 1] += lambda;
        }
        return (g, h);
    }

    /// <summary>
    /// For one row xᵢ: gw += r·xᵢ, columnSums += s·xᵢ. The scalar loop at the end is the plain form; the Vector512 body
    /// (8 lanes) and then the Vector256 body (4 lanes) do the same multiplies and adds per element (no fused
    /// multiply-add), so the result is the same bits at every width.
    /// </summary>
    private static void AccumulateRow(SimdWidth width, ReadOnlySpan<double> row, double r, double s, Span<double> gw, Span<double> columnSums)
    {
        int j = 0;
        ref double xr = ref MemoryMarshal.GetReference(row);
        ref double gr = ref MemoryMarshal.GetReference(gw);
        ref double cr = ref MemoryMarshal.GetReference(columnSums);
        if (width == SimdWidth.Vector512)
        {
            Vector512<double> rv = Vector512.Create(r), sv = Vector512.Create(s);
            for (; j <= row.Length - Vector512<double>.Count; j += Vector512<double>.Count)
            {
                Vector512<double> xv = Vector512.LoadUnsafe(ref xr, (nuint)j);
                Vector512.StoreUnsafe((xv * rv) + Vector512.LoadUnsafe(ref gr, (nuint)j), ref gr, (nuint)j);
                Vector512.StoreUnsafe(Vector512.LoadUnsafe(ref cr, (nuint)j) + (xv * sv), ref cr, (nuint)j);
            }
        }
        if (width >= SimdWidth.Vector256)
        {
            Vector256<double> rv = Vector256.Create(r), sv = Vector256.Create(s);
            for (; j <= row.Length - Vector256<double>.Count; j += Vector256<double>.Count)
            {
                Vector256<double> xv = Vector256.LoadUnsafe(ref xr, (nuint)j);
                Vector256.StoreUnsafe((xv * rv) + Vector256.LoadUnsafe(ref gr, (nuint)j), ref gr, (nuint)j);
                Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref cr, (nuint)j) + (xv * sv), ref cr, (nuint)j);
            }
        }
        for (; j < row.Length; j++)
        {
            gw[j] += r * row[j];
            columnSums[j] += s * row[j];
        }
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
