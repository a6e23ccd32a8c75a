using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ReferenceSolutions.Core.LinearAlgebra;

/// <summary>
/// The fast GEMM behind <see cref="Gemm.Compute"/>, in the Goto/BLIS shape: C is cut into NC-column and MC-row
/// blocks, op(B) into KC×NC panels and op(A) into MC×KC blocks that are packed contiguously, and a 4×8 register-tiled
/// micro-kernel (8 Vector256 accumulators, fused multiply-add) runs over each packed pair. (A 6×8 tile needs 12
/// accumulators plus 3 temporaries; the JIT then spills every accumulator each iteration and runs 4× slower.) Row blocks of C go to
/// different threads; every element of C is summed in one thread in a fixed order, so results are bit-for-bit
/// repeatable. Same arithmetic as <see cref="Gemm.Reference"/>, summed in another order (KC chunks, FMA rounding).
/// Derivation: docs/core.md#gemm-the-reference-loop-and-the-blocked-kernel.
/// </summary>
internal static class BlockedGemm
{
    internal const int MR = 4;
    internal const int NR = 8;
    internal const int KC = 256;
    internal const int MC = 120;
    internal const int NC = 1024;

    private const long ParallelFlops = 1L << 23;

    public static void Run(int m, int n, int k, double alpha, Matrix a, bool transposeA, Matrix b, bool transposeB, double beta, Matrix c)
    {
        ScaleC(beta, c);
        if (m == 0 || n == 0 || k == 0 || alpha == 0.0)
        {
            return;
        }
        int threads = (long)m * n * k >= ParallelFlops ? Environment.ProcessorCount : 1;
        int rowBlocks = threads * (int)Math.Ceiling(m / (double)(threads * MC));
        int mc = RoundUp((m + rowBlocks - 1) / rowBlocks, MR);
        rowBlocks = (m + mc - 1) / mc;
        if (threads > 1 && rowBlocks > 1 && rowBlocks <= threads && n <= NC)
        {
            Parallel.For(0, rowBlocks, new ParallelOptions { MaxDegreeOfParallelism = threads }, ib => RunRowBlockOverK(m, n, k, alpha, a, transposeA, b, transposeB, c, mc, ib));
            return;
        }
        double[] bPack = ArrayPool<double>.Shared.Rent(KC * RoundUp(Math.Min(NC, n), NR));
        try
        {
            for (int jc = 0; jc < n; jc += NC)
            {
                int nc = Math.Min(NC, n - jc);
                for (int pc = 0; pc < k; pc += KC)
                {
                    int kc = Math.Min(KC, k - pc);
                    PackB(b, transposeB, pc, kc, jc, nc, bPack);
                    var block = new RowBlock(a, transposeA, bPack, c, alpha, mc, m, pc, kc, jc, nc);
                    if (threads > 1 && rowBlocks > 1)
                    {
                        Parallel.For(0, rowBlocks, new ParallelOptions { MaxDegreeOfParallelism = threads }, block.Run);
                    }
                    else
                    {
                        for (int ib = 0; ib < rowBlocks; ib++)
                        {
                            block.Run(ib);
                        }
                    }
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(bPack);
        }
    }

    /// <summary>
    /// One row block of C over all of k, packing its own op(B) panels: the schedule for few row blocks (C with at most
    /// threads·MC rows, as XᵀSX or a layer's ∂L/∂W with k = the batch), where sharing one B panel would cost a fork and
    /// join per KC chunk (391 of them for k = 100,000). Each element of C is summed in the same order as in the shared
    /// schedule, so the two give the same bits.
    /// </summary>
    private static void RunRowBlockOverK(int m, int n, int k, double alpha, Matrix a, bool transposeA, Matrix b, bool transposeB, Matrix c, int mc, int blockIndex)
    {
        double[] bPack = ArrayPool<double>.Shared.Rent(KC * RoundUp(n, NR));
        try
        {
            for (int pc = 0; pc < k; pc += KC)
            {
                int kc = Math.Min(KC, k - pc);
                PackB(b, transposeB, pc, kc, 0, n, bPack);
                new RowBlock(a, transposeA, bPack, c, alpha, mc, m, pc, kc, 0, n).Run(blockIndex);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(bPack);
        }
    }

    private sealed class RowBlock(Matrix a, bool transposeA, double[] bPack, Matrix c, double alpha, int mcMax, int m, int pc, int kc, int jc, int nc)
    {
        public void Run(int blockIndex)
        {
            int ic = blockIndex * mcMax;
            int mc = Math.Min(mcMax, m - ic);
            double[] aPack = ArrayPool<double>.Shared.Rent(RoundUp(mc, MR) * kc);
            try
            {
                PackA(a, transposeA, ic, mc, pc, kc, aPack);
                for (int jr = 0; jr < nc; jr += NR)
                {
                    for (int ir = 0; ir < mc; ir += MR)
                    {
                        MicroKernel(kc, aPack, ir * kc, bPack, jr * kc, c, ic + ir, jc + jr, Math.Min(MR, mc - ir), Math.Min(NR, nc - jr), alpha);
                    }
                }
            }
            finally
            {
                ArrayPool<double>.Shared.Return(aPack);
            }
        }
    }

    private static void ScaleC(double beta, Matrix c)
    {
        if (beta == 0.0)
        {
            Array.Clear(c.Data);
        }
        else if (beta != 1.0)
        {
            System.Numerics.Tensors.TensorPrimitives.Multiply(c.Data, beta, c.Data);
        }
    }

    /// <summary>aPack[panel·MR·kc + p·MR + r] = op(A)[ic + panel·MR + r, pc + p], zero-padded to whole MR panels.</summary>
    private static void PackA(Matrix a, bool transposeA, int ic, int mc, int pc, int kc, double[] aPack)
    {
        double[] data = a.Data;
        int lda = a.Columns;
        for (int panel = 0; panel * MR < mc; panel++)
        {
            int rows = Math.Min(MR, mc - (panel * MR));
            int baseOffset = panel * MR * kc;
            for (int p = 0; p < kc; p++)
            {
                int o = baseOffset + (p * MR);
                for (int r = 0; r < MR; r++)
                {
                    int i = ic + (panel * MR) + r;
                    aPack[o + r] = r >= rows ? 0.0 : transposeA ? data[((pc + p) * lda) + i] : data[(i * lda) + pc + p];
                }
            }
        }
    }

    /// <summary>bPack[panel·NR·kc + p·NR + j] = op(B)[pc + p, jc + panel·NR + j], zero-padded to whole NR panels.</summary>
    private static void PackB(Matrix b, bool transposeB, int pc, int kc, int jc, int nc, double[] bPack)
    {
        double[] data = b.Data;
        int ldb = b.Columns;
        for (int panel = 0; panel * NR < nc; panel++)
        {
            int columns = Math.Min(NR, nc - (panel * NR));
            int baseOffset = panel * NR * kc;
            for (int p = 0; p < kc; p++)
            {
                int o = baseOffset + (p * NR);
                if (!transposeB && columns == NR)
                {
                    data.AsSpan(((pc + p) * ldb) + jc + (panel * NR), NR).CopyTo(bPack.AsSpan(o, NR));
                    continue;
                }
                for (int j = 0; j < NR; j++)
                {
                    int col = jc + (panel * NR) + j;
                    bPack[o + j] = j >= columns ? 0.0 : transposeB ? data[(col * ldb) + pc + p] : data[((pc + p) * ldb) + col];
                }
            }
        }
    }

    /// <summary>C[i0.., j0..] += α·(Apanel · Bpanel) for one MR×NR tile, accumulating over p = 0..kc−1 in registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MicroKernel(int kc, double[] aPack, int aOffset, double[] bPack, int bOffset, Matrix c, int i0, int j0, int mr, int nr, double alpha)
    {
        Vector256<double> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector256<double> c20 = default, c21 = default, c30 = default, c31 = default;
        ref double ap = ref aPack[aOffset];
        ref double bp = ref bPack[bOffset];
        for (int p = 0; p < kc; p++)
        {
            Vector256<double> b0 = Vector256.LoadUnsafe(ref bp, (nuint)(p * NR));
            Vector256<double> b1 = Vector256.LoadUnsafe(ref bp, (nuint)((p * NR) + 4));
            ref double ar = ref Unsafe.Add(ref ap, p * MR);
            Vector256<double> a0 = Vector256.Create(ar);
            c00 = Vector256.FusedMultiplyAdd(a0, b0, c00);
            c01 = Vector256.FusedMultiplyAdd(a0, b1, c01);
            Vector256<double> a1 = Vector256.Create(Unsafe.Add(ref ar, 1));
            c10 = Vector256.FusedMultiplyAdd(a1, b0, c10);
            c11 = Vector256.FusedMultiplyAdd(a1, b1, c11);
            Vector256<double> a2 = Vector256.Create(Unsafe.Add(ref ar, 2));
            c20 = Vector256.FusedMultiplyAdd(a2, b0, c20);
            c21 = Vector256.FusedMultiplyAdd(a2, b1, c21);
            Vector256<double> a3 = Vector256.Create(Unsafe.Add(ref ar, 3));
            c30 = Vector256.FusedMultiplyAdd(a3, b0, c30);
            c31 = Vector256.FusedMultiplyAdd(a3, b1, c31);
        }
        double[] cData = c.Data;
        int ldc = c.Columns;
        if (mr == MR && nr == NR)
        {
            Vector256<double> a = Vector256.Create(alpha);
            ref double c0 = ref cData[(i0 * ldc) + j0];
            AddRow(ref c0, c00, c01, a);
            AddRow(ref Unsafe.Add(ref c0, ldc), c10, c11, a);
            AddRow(ref Unsafe.Add(ref c0, 2 * ldc), c20, c21, a);
            AddRow(ref Unsafe.Add(ref c0, 3 * ldc), c30, c31, a);
            return;
        }
        Span<double> tile = stackalloc double[MR * NR];
        ref double t = ref MemoryMarshal.GetReference(tile);
        Vector256.StoreUnsafe(c00, ref t, 0);
        Vector256.StoreUnsafe(c01, ref t, 4);
        Vector256.StoreUnsafe(c10, ref t, 8);
        Vector256.StoreUnsafe(c11, ref t, 12);
        Vector256.StoreUnsafe(c20, ref t, 16);
        Vector256.StoreUnsafe(c21, ref t, 20);
        Vector256.StoreUnsafe(c30, ref t, 24);
        Vector256.StoreUnsafe(c31, ref t, 28);
        for (int r = 0; r < mr; r++)
        {
            Span<double> row = cData.AsSpan(((i0 + r) * ldc) + j0, nr);
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(tile.Slice(r * NR, nr), alpha, row, row);
        }
    }

    /// <summary>C[row, 0..8) += α·(left, right), for a full tile row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRow(ref double row, Vector256<double> left, Vector256<double> right, Vector256<double> alpha)
    {
        Vector256.StoreUnsafe(Vector256.FusedMultiplyAdd(left, alpha, Vector256.LoadUnsafe(ref row)), ref row);
        ref double second = ref Unsafe.Add(ref row, 4);
        Vector256.StoreUnsafe(Vector256.FusedMultiplyAdd(right, alpha, Vector256.LoadUnsafe(ref second)), ref second);
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
