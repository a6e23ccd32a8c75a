using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.Recommender.Svd;

/// <summary>
/// The product Q = H₀·H₁·…·H_{k−1} of Householder reflections Hₚ = I − τₚ·wₚ·wₚᵀ, held as its vectors: row p of
/// <see cref="Vectors"/> is wₚ (length n), zero before index p + <see cref="Shift"/> and 1 there, and τₚ is
/// <see cref="Tau"/>[p] (τₚ = 0 is Hₚ = I). <see cref="ApplyTo"/> multiplies Q into a matrix blockwise in the compact
/// WY form (Schreiber &amp; Van Loan 1989; Golub &amp; Van Loan §5.1.7): b consecutive reflections are
/// Hₖ·…·H_{k+b−1} = I − W·T·Wᵀ with W = [wₖ … w_{k+b−1}] and T upper triangular, built column by column from
/// T₁ = τₖ and T_{p+1} = [Tₚ, −τ·Tₚ·Wₚᵀ·w; 0, τ], so that applying the block to an n×q matrix M is
/// M ← M − W·(T·(Wᵀ·M)): three GEMMs (the middle one only b×b by b×q) doing the 4·n·q·b flops of the b single
/// reflections.
/// </summary>
internal sealed class HouseholderProduct(Matrix vectors, double[] tau, int shift)
{
    /// <summary>Reflections per WY block.</summary>
    public const int BlockSize = 32;

    /// <summary>k×n: row p is wₚ, with wₚ[i] = 0 for i &lt; p + shift and wₚ[p + shift] = 1.</summary>
    public Matrix Vectors { get; } = vectors;

    /// <summary>τₚ, p = 0 … k − 1.</summary>
    public double[] Tau { get; } = tau;

    /// <summary>Where wₚ starts: index p + <see cref="Shift"/> (0 for the left reflections of a bidiagonalisation, 1 for the right).</summary>
    public int Shift { get; } = shift;

    /// <summary>M ← Q·M in place (M: n×q), one WY block at a time from the last block to the first.</summary>
    public void ApplyTo(Matrix m)
    {
        ArgumentNullException.ThrowIfNull(m);
        int count = Tau.Length;
        int lastBlock = (count - 1) / BlockSize * BlockSize;
        for (int k = lastBlock; k >= 0; k -= BlockSize)
        {
            ApplyBlock(m, k, Math.Min(BlockSize, count - k));
        }
    }

    /// <summary>
    /// M ← (I − W·T·Wᵀ)·M for the reflections k … k + b − 1, on rows k + shift … n − 1 of M (the rows the block touches),
    /// copied out and back.
    /// </summary>
    private void ApplyBlock(Matrix m, int k, int b)
    {
        int first = k + Shift;
        int rows = Vectors.Columns - first;
        if (rows <= 0)
        {
            return;
        }
        var wt = new Matrix(b, rows); // Wᵀ: b×rows
        for (int p = 0; p < b; p++)
        {
            Vectors.Row(k + p)[first..].CopyTo(wt.Row(p));
        }
        Matrix t = TriangularFactor(wt, k, b);
        var block = new Matrix(rows, m.Columns, m.Data.AsSpan(first * m.Columns, rows * m.Columns).ToArray());
        Matrix z = Gemm.Multiply(t, Gemm.Multiply(wt, block)); // T·(Wᵀ·M): b×q
        Gemm.Compute(-1.0, wt, true, z, false, 1.0, block);
        block.Data.CopyTo(m.Data.AsSpan(first * m.Columns));
    }

    /// <summary>T (b×b, upper triangular) with Hₖ·…·H_{k+b−1} = I − W·T·Wᵀ: column p is (−τ·T[0..p, 0..p]·Wᵀ[0..p]·wₚ, τ, 0, …), τ = τ_{k+p}.</summary>
    private Matrix TriangularFactor(Matrix wt, int k, int b)
    {
        var t = new Matrix(b, b);
        var g = new double[b];
        for (int p = 0; p < b; p++)
        {
            double tau = Tau[k + p];
            t[p, p] = tau;
            for (int q = 0; q < p; q++)
            {
                g[q] = System.Numerics.Tensors.TensorPrimitives.Dot<double>(wt.Row(q), wt.Row(p));
            }
            for (int q = 0; q < p; q++)
            {
                double sum = 0.0;
                for (int s = q; s < p; s++)
                {
                    sum += t[q, s] * g[s];
                }
                t[q, p] = -tau * sum;
            }
        }
        return t;
    }
}
