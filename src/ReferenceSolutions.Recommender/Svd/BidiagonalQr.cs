using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.Recommender.Svd;

/// <summary>
/// Diagonalises an upper bidiagonal B (diagonal d, superdiagonal e) by implicit-shift QR (Golub &amp; Van Loan, Matrix
/// Computations, §8.6.2–8.6.3): each sweep is one QR step with Wilkinson shift on the tridiagonal T = BᵀB, done on B
/// itself by chasing a bulge with Givens rotations. The work is on the trailing unreduced block B[lo..hi] (every eₖ
/// with lo ≤ k &lt; hi non-negligible): when e_{hi−1} becomes negligible, d_hi has converged and hi moves up
/// (deflation); a negligible dₖ inside the block is set to zero and chased out, which splits the block. Every rotation
/// of B's rows is applied to Uᵀ and of its columns to Vᵀ, so A = U·B·Vᵀ after every sweep and chase.
/// Derivation: docs/recommender.md#golubkahan-bidiagonalisation.
/// </summary>
internal static class BidiagonalQr
{
    /// <summary>
    /// Runs sweeps, deflations and chases until B is diagonal; dₖ may then be negative (see <see cref="MakeNonNegative"/>).
    /// Throws after <paramref name="maxIterations"/> steps without a deflation.
    /// </summary>
    public static void Diagonalise(Bidiagonal b, int maxIterations)
    {
        int hi = b.Order - 1;
        int iterations = 0;
        while (hi > 0)
        {
            if (IsNegligibleSuperdiagonal(b, hi - 1))
            {
                b.E[hi - 1] = 0.0;
                b.Deflations++;
                hi--;
                iterations = 0;
                continue;
            }
            if (++iterations > maxIterations)
            {
                throw new LinearAlgebraException($"Golub–Kahan SVD: no convergence in {maxIterations} QR sweeps");
            }
            int lo = UnreducedBlockStart(b, hi);
            int zero = NegligibleDiagonal(b, lo, hi);
            if (zero < 0)
            {
                QrSweep(b, lo, hi, WilkinsonShift(b, lo, hi));
            }
            else if (zero < hi)
            {
                ChaseZeroDiagonalRow(b, zero, hi);
            }
            else
            {
                ChaseZeroDiagonalColumn(b, lo, hi);
            }
        }
    }

    /// <summary>
    /// eₖ is negligible when |eₖ| ≤ ε·(|dₖ| + |dₖ₊₁|) (Golub &amp; Van Loan's criterion, ε = 2⁻⁵²): setting it to zero
    /// changes B by less than the rounding of its neighbours already did, and relative to them, not to ‖B‖.
    /// </summary>
    public static bool IsNegligibleSuperdiagonal(Bidiagonal b, int k) =>
        Math.Abs(b.E[k]) <= PowerOfTwoScaling.MachineEpsilon * (Math.Abs(b.D[k]) + Math.Abs(b.D[k + 1]));

    /// <summary>
    /// The first index lo of the unreduced block that ends at <paramref name="hi"/>: eₖ is not negligible for
    /// lo ≤ k &lt; hi, and lo = 0 or e_{lo−1} is negligible (then set to zero, splitting B there).
    /// </summary>
    public static int UnreducedBlockStart(Bidiagonal b, int hi)
    {
        int lo = hi;
        while (lo > 0 && !IsNegligibleSuperdiagonal(b, lo - 1))
        {
            lo--;
        }
        if (lo > 0)
        {
            b.E[lo - 1] = 0.0;
        }
        return lo;
    }

    /// <summary>
    /// The largest k in lo … hi with |dₖ| ≤ ε·‖B‖∞, set to exactly zero (a change of B no larger than the
    /// bidiagonalisation's own rounding), or −1 when there is none.
    /// </summary>
    public static int NegligibleDiagonal(Bidiagonal b, int lo, int hi)
    {
        double tolerance = PowerOfTwoScaling.MachineEpsilon * b.Norm;
        for (int k = hi; k >= lo; k--)
        {
            if (Math.Abs(b.D[k]) <= tolerance)
            {
                b.D[k] = 0.0;
                return k;
            }
        }
        return -1;
    }

    /// <summary>
    /// Wilkinson's shift μ: the eigenvalue of the trailing 2×2 block of T = BᵀB over the block lo … hi closer to its
    /// last diagonal entry. With j = hi − 1, T's block is [a b; b c], a = d_j² + e_{j−1}² (e_{j−1} only when j &gt; lo),
    /// b = d_j·e_j, c = d_hi² + e_j²; with δ = (a − c)/2, μ = c − b²/(δ + sign(δ)·√(δ² + b²)) (sign(0) = +1).
    /// </summary>
    public static double WilkinsonShift(Bidiagonal b, int lo, int hi)
    {
        int j = hi - 1;
        double above = j > lo ? b.E[j - 1] : 0.0;
        double a = (b.D[j] * b.D[j]) + (above * above);
        double off = b.D[j] * b.E[j];
        double c = (b.D[hi] * b.D[hi]) + (b.E[j] * b.E[j]);
        double delta = (a - c) / 2.0;
        double root = double.Hypot(delta, off);
        double denominator = delta >= 0.0 ? delta + root : delta - root;
        return denominator == 0.0 ? c : c - (off / denominator * off);
    }

    /// <summary>
    /// One implicit-shift QR step on the block lo … hi (Golub &amp; Van Loan's Golub–Kahan SVD step). The first rotation
    /// is the one a QR step on T − μI would start with: it zeroes (t₀₀ − μ, t₁₀) = (d_lo² − μ, d_lo·e_lo), applied to
    /// columns (lo, lo + 1) of B; it leaves a bulge at B[lo + 1, lo]. Then, for k = lo … hi − 1, a rotation of rows
    /// (k, k + 1) zeroes the bulge below the diagonal (and puts one at B[k, k + 2]), and a rotation of columns
    /// (k + 1, k + 2) zeroes that one (and puts one at B[k + 2, k + 1]), until it leaves the block. B stays upper
    /// bidiagonal, BᵀB keeps its eigenvalues, and e_{hi−1} shrinks (quadratically, then cubically, near convergence).
    /// The column rotations, in order, are then applied to rows lo … hi of Vᵀ and the row rotations to rows lo … hi of
    /// Uᵀ, each sequence in one pass (<see cref="RotationSequence"/>, the same bits as one rotation at a time).
    /// </summary>
    public static void QrSweep(Bidiagonal b, int lo, int hi, double shift)
    {
        double[] d = b.D, e = b.E;
        int count = hi - lo;
        double[] rightC = new double[count], rightS = new double[count], leftC = new double[count], leftS = new double[count];
        double y = (d[lo] * d[lo]) - shift;
        double z = d[lo] * e[lo];
        for (int k = lo; k < hi; k++)
        {
            GivensRotation right = GivensRotation.Zeroing(y, z);
            if (k > lo)
            {
                e[k - 1] = right.R;
            }
            double below = RotateColumns(b, k, right);
            GivensRotation left = GivensRotation.Zeroing(d[k], below);
            d[k] = left.R;
            double above = RotateRows(b, k, hi, left);
            (rightC[k - lo], rightS[k - lo], leftC[k - lo], leftS[k - lo]) = (right.C, right.S, left.C, left.S);
            (y, z) = (e[k], above);
        }
        RotationSequence.Apply(b.Width, b.Vt, lo, rightC, rightS);
        RotationSequence.Apply(b.Width, b.Ut, lo, leftC, leftS);
        b.QrSweeps++;
    }

    /// <summary>
    /// Columns (k, k + 1) of B ← (c·col_k + s·col_{k+1}, c·col_{k+1} − s·col_k) (the sweep applies the same to rows k, k + 1 of Vᵀ).
    /// Row k: (dₖ, eₖ) ← (c·dₖ + s·eₖ, c·eₖ − s·dₖ); row k + 1: (0, dₖ₊₁) ← (s·dₖ₊₁, c·dₖ₊₁). Returns the new bulge
    /// B[k + 1, k] = s·dₖ₊₁. Row k − 1 (e_{k−1} and the old bulge) is the caller's, who chose the rotation to zero it.
    /// </summary>
    private static double RotateColumns(Bidiagonal b, int k, GivensRotation g)
    {
        double[] d = b.D, e = b.E;
        (d[k], e[k]) = ((g.C * d[k]) + (g.S * e[k]), (g.C * e[k]) - (g.S * d[k]));
        double bulge = g.S * d[k + 1];
        d[k + 1] *= g.C;
        return bulge;
    }

    /// <summary>
    /// Rows (k, k + 1) of B ← (c·row_k + s·row_{k+1}, c·row_{k+1} − s·row_k) (the sweep applies the same to rows k, k + 1 of Uᵀ), for
    /// the rotation that made B[k, k] = r and B[k + 1, k] = 0. Column k + 1: (eₖ, dₖ₊₁) ← (c·eₖ + s·dₖ₊₁, c·dₖ₊₁ − s·eₖ);
    /// column k + 2, when it is in the block (k + 1 &lt; hi): (0, eₖ₊₁) ← (s·eₖ₊₁, c·eₖ₊₁). Returns the new bulge
    /// B[k, k + 2] = s·eₖ₊₁, or 0 at the end of the block.
    /// </summary>
    private static double RotateRows(Bidiagonal b, int k, int hi, GivensRotation g)
    {
        double[] d = b.D, e = b.E;
        (e[k], d[k + 1]) = ((g.C * e[k]) + (g.S * d[k + 1]), (g.C * d[k + 1]) - (g.S * e[k]));
        double bulge = 0.0;
        if (k + 1 < hi)
        {
            bulge = g.S * e[k + 1];
            e[k + 1] *= g.C;
        }
        return bulge;
    }

    /// <summary>
    /// dₖ = 0 with k &lt; hi: row k is (0, eₖ, 0, …) and Bᵀ·B is singular, so σ = 0 is exact. Rotations of rows
    /// (j, k), j = k + 1 … hi, move its one nonzero entry x (at column j; first x = eₖ) out to the right: with
    /// [c s; −s c]·[dⱼ; x] = [r; 0], dⱼ ← r, and the fill in column j + 1 is B[k, j + 1] = −s·eⱼ, eⱼ ← c·eⱼ. After j = hi
    /// row k is zero, so eₖ = 0 and B splits between k and k + 1.
    /// </summary>
    public static void ChaseZeroDiagonalRow(Bidiagonal b, int k, int hi)
    {
        double[] d = b.D, e = b.E;
        double x = e[k];
        e[k] = 0.0;
        for (int j = k + 1; j <= hi; j++)
        {
            GivensRotation g = GivensRotation.Zeroing(d[j], x);
            d[j] = g.R;
            if (j < hi)
            {
                x = -g.S * e[j];
                e[j] *= g.C;
            }
            g.Apply(b.Width, b.Ut.Row(j), b.Ut.Row(k));
        }
        b.RowChases++;
    }

    /// <summary>
    /// d_hi = 0 at the end of the block: column hi is (…, 0, e_{hi−1}, 0). Rotations of columns (j, hi),
    /// j = hi − 1 … lo, move its one nonzero entry x (at row j; first x = e_{hi−1}) upwards: with
    /// [c s; −s c]·[dⱼ; x] = [r; 0], dⱼ ← r, and the fill in row j − 1 is B[j − 1, hi] = −s·e_{j−1}, e_{j−1} ← c·e_{j−1}.
    /// After j = lo column hi is zero, so e_{hi−1} = 0 and σ = 0 deflates.
    /// </summary>
    public static void ChaseZeroDiagonalColumn(Bidiagonal b, int lo, int hi)
    {
        double[] d = b.D, e = b.E;
        double x = e[hi - 1];
        e[hi - 1] = 0.0;
        for (int j = hi - 1; j >= lo; j--)
        {
            GivensRotation g = GivensRotation.Zeroing(d[j], x);
            d[j] = g.R;
            if (j > lo)
            {
                x = -g.S * e[j - 1];
                e[j - 1] *= g.C;
            }
            g.Apply(b.Width, b.Vt.Row(j), b.Vt.Row(hi));
        }
        b.ColumnChases++;
    }

    /// <summary>σₖ = |dₖ|: where dₖ &lt; 0, negate dₖ and row k of Vᵀ (column k of V), so U·diag(σ)·Vᵀ = U·B·Vᵀ.</summary>
    public static void MakeNonNegative(Bidiagonal b)
    {
        for (int k = 0; k < b.Order; k++)
        {
            if (b.D[k] < 0.0)
            {
                b.D[k] = -b.D[k];
                System.Numerics.Tensors.TensorPrimitives.Negate(b.Vt.Row(k), b.Vt.Row(k));
            }
        }
    }
}
