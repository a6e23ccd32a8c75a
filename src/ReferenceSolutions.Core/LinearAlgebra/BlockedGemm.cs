using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ReferenceSolutions.Core.Native;

namespace ReferenceSolutions.Core.LinearAlgebra;

/// <summary>
/// The fast GEMM behind <see cref="Gemm.Compute"/>, in the Goto/BLIS shape: C is cut into NC-column and MC-row
/// blocks, op(B) into KC×NC panels and op(A) into MC×KC blocks that are packed contiguously, and a register-tiled
/// micro-kernel (fused multiply-add) runs over each packed pair; one tile shape per <see cref="SimdWidth"/>, chosen once
/// (<see cref="VectorWidth.Current"/>): 4×16 with 8 Vector512 accumulators, 4×8 with 8 Vector256 accumulators, or the
/// same 4×8 tile as plain loops. (A 6×8 Vector256 tile needs 12 accumulators plus 3 temporaries; with AVX2's 16
/// registers the JIT then spills every accumulator each iteration and runs 4× slower.) Row blocks of C go to
/// different threads; every element of C is summed in one thread in a fixed order, so results are bit-for-bit
/// repeatable. Same arithmetic as <see cref="Gemm.Reference"/>, summed in another order (KC chunks, FMA rounding).
/// Every width gives the same bits: each element is accumulated over p in the same order with the same fused
/// multiply-adds whatever the tile, and the write-back C += α·acc is fused exactly where the 4×8 tile is full
/// (see <see cref="WriteBack"/>).
/// Derivation: docs/core.md#gemm-the-reference-loop-and-the-blocked-kernel.
/// </summary>
internal static class BlockedGemm
{
    internal const int MR = 4;
    internal const int NR = 8;
    internal const int NR512 = 16;
    internal const int KC = 256;
    internal const int MC = 120;
    internal const int NC = 1024;

    private const long ParallelFlops = 1L << 23;
    private const int PackedAPanels = 4;

    public static void Run(int m, int n, int k, double alpha, Matrix a, bool transposeA, Matrix b, bool transposeB, double beta, Matrix c) =>
        Run(VectorWidth.Current, m, n, k, alpha, a, transposeA, b, transposeB, beta, c);

    /// <summary><see cref="Run(int, int, int, double, Matrix, bool, Matrix, bool, double, Matrix)"/> in the given width's tile.</summary>
    internal static void Run(SimdWidth width, int m, int n, int k, double alpha, Matrix a, bool transposeA, Matrix b, bool transposeB, double beta, Matrix c)
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
            Parallel.For(0, rowBlocks, new ParallelOptions { MaxDegreeOfParallelism = threads }, ib => RunRowBlockOverK(width, m, n, k, alpha, a, transposeA, b, transposeB, c, mc, ib));
            return;
        }
        int nr = TileColumns(width);
        double[] bPack = ArrayPool<double>.Shared.Rent(KC * RoundUp(Math.Min(NC, n), nr));
        try
        {
            for (int jc = 0; jc < n; jc += NC)
            {
                int nc = Math.Min(NC, n - jc);
                for (int pc = 0; pc < k; pc += KC)
                {
                    int kc = Math.Min(KC, k - pc);
                    PackB(b, transposeB, pc, kc, jc, nc, nr, bPack);
                    var block = new RowBlock(width, a, transposeA, bPack, c, alpha, mc, m, pc, kc, jc, nc);
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
    private static void RunRowBlockOverK(SimdWidth width, int m, int n, int k, double alpha, Matrix a, bool transposeA, Matrix b, bool transposeB, Matrix c, int mc, int blockIndex)
    {
        int nr = TileColumns(width);
        double[] bPack = ArrayPool<double>.Shared.Rent(KC * RoundUp(n, nr));
        try
        {
            for (int pc = 0; pc < k; pc += KC)
            {
                int kc = Math.Min(KC, k - pc);
                PackB(b, transposeB, pc, kc, 0, n, nr, bPack);
                new RowBlock(width, a, transposeA, bPack, c, alpha, mc, m, pc, kc, 0, n).Run(blockIndex);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(bPack);
        }
    }

    /// <summary>NR of the width's tile: 16 columns for Vector512, 8 otherwise.</summary>
    internal static int TileColumns(SimdWidth width) => width == SimdWidth.Vector512 ? NR512 : NR;

    private sealed class RowBlock(SimdWidth width, Matrix a, bool transposeA, double[] bPack, Matrix c, double alpha, int mcMax, int m, int pc, int kc, int jc, int nc)
    {
        public void Run(int blockIndex)
        {
            int ic = blockIndex * mcMax;
            int mc = Math.Min(mcMax, m - ic);
            int nr = TileColumns(width);
            bool pack = PacksA(nc, nr);
            double[]? aPack = pack ? ArrayPool<double>.Shared.Rent(RoundUp(mc, MR) * kc) : null;
            try
            {
                if (aPack is not null)
                {
                    PackA(a, transposeA, ic, mc, pc, kc, aPack);
                }
                nint rowStride = aPack is not null || transposeA ? 1 : a.Columns;
                nint pStride = aPack is not null ? MR : transposeA ? a.Columns : 1;
                for (int jr = 0; jr < nc; jr += nr)
                {
                    for (int ir = 0; ir < mc; ir += MR)
                    {
                        int rows = Math.Min(MR, mc - ir), columns = Math.Min(nr, nc - jr);
                        ref double ap = ref aPack is not null
                            ? ref aPack[ir * kc]
                            : ref transposeA ? ref a.Data[(pc * a.Columns) + ic + ir] : ref a.Data[((ic + ir) * a.Columns) + pc];
                        ref double bp = ref bPack[jr * kc];
                        switch (width)
                        {
                            case SimdWidth.Vector512:
                                MicroKernel512(kc, ref ap, rowStride, pStride, ref bp, c, ic + ir, jc + jr, rows, columns, alpha);
                                break;
                            case SimdWidth.Vector256:
                                MicroKernel(kc, ref ap, rowStride, pStride, ref bp, c, ic + ir, jc + jr, rows, columns, alpha);
                                break;
                            default:
                                MicroKernelScalar(kc, ref ap, rowStride, pStride, ref bp, c, ic + ir, jc + jr, rows, columns, alpha);
                                break;
                        }
                    }
                }
            }
            finally
            {
                if (aPack is not null)
                {
                    ArrayPool<double>.Shared.Return(aPack);
                }
            }
        }
    }

    /// <summary>
    /// Whether a row block packs its op(A) block first: only when C is wide enough (more than <see cref="PackedAPanels"/>
    /// column panels) for the copy to pay for itself. Otherwise the micro-kernel reads op(A) where it lies (a row of A is
    /// contiguous in p; a column of Aᵀ has its four rows side by side), as for the MLP's N×64 and N×10 layers, where
    /// packing cost as much as the multiply.
    /// </summary>
    private static bool PacksA(int nc, int nr) => nc > PackedAPanels * nr;

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
            if (rows < MR)
            {
                Array.Clear(aPack, baseOffset, MR * kc);
            }
            for (int r = 0; r < rows; r++)
            {
                int i = ic + (panel * MR) + r;
                int source = transposeA ? (pc * lda) + i : (i * lda) + pc;
                int step = transposeA ? lda : 1;
                for (int p = 0; p < kc; p++)
                {
                    aPack[baseOffset + (p * MR) + r] = data[source + (p * step)];
                }
            }
        }
    }

    /// <summary>bPack[panel·nr·kc + p·nr + j] = op(B)[pc + p, jc + panel·nr + j], zero-padded to whole nr panels (nr = the tile's columns).</summary>
    private static void PackB(Matrix b, bool transposeB, int pc, int kc, int jc, int nc, int nr, double[] bPack)
    {
        double[] data = b.Data;
        int ldb = b.Columns;
        for (int panel = 0; panel * nr < nc; panel++)
        {
            int columns = Math.Min(nr, nc - (panel * nr));
            int baseOffset = panel * nr * kc;
            if (columns < nr)
            {
                Array.Clear(bPack, baseOffset, nr * kc);
            }
            if (transposeB)
            {
                for (int j = 0; j < columns; j++)
                {
                    int source = ((jc + (panel * nr) + j) * ldb) + pc;
                    for (int p = 0; p < kc; p++)
                    {
                        bPack[baseOffset + (p * nr) + j] = data[source + p];
                    }
                }
                continue;
            }
            for (int p = 0; p < kc; p++)
            {
                data.AsSpan(((pc + p) * ldb) + jc + (panel * nr), columns).CopyTo(bPack.AsSpan(baseOffset + (p * nr), columns));
            }
        }
    }

    /// <summary>
    /// C[i0.., j0..] += α·(Apanel · Bpanel) for one MR×NR tile, accumulating over p = 0..kc−1 in registers. Row r of
    /// the A panel at step p is a[r·rowStride + p·pStride] (packed: 1 and MR; A in place: lda and 1; Aᵀ in place: 1 and
    /// lda); rows past <paramref name="mr"/> re-read the last row, and their sums are dropped.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MicroKernel(int kc, ref double a, nint rowStride, nint pStride, ref double bp, Matrix c, int i0, int j0, int mr, int nr, double alpha)
    {
        Vector256<double> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector256<double> c20 = default, c21 = default, c30 = default, c31 = default;
        ref double a0 = ref a;
        ref double a1 = ref Unsafe.Add(ref a, Math.Min(1, mr - 1) * rowStride);
        ref double a2 = ref Unsafe.Add(ref a, Math.Min(2, mr - 1) * rowStride);
        ref double a3 = ref Unsafe.Add(ref a, Math.Min(3, mr - 1) * rowStride);
        nint ao = 0;
        for (int p = 0; p < kc; p++, ao += pStride)
        {
            Vector256<double> b0 = Vector256.LoadUnsafe(ref bp, (nuint)(p * NR));
            Vector256<double> b1 = Vector256.LoadUnsafe(ref bp, (nuint)((p * NR) + 4));
            Vector256<double> x0 = Vector256.Create(Unsafe.Add(ref a0, ao));
            c00 = Vector256.FusedMultiplyAdd(x0, b0, c00);
            c01 = Vector256.FusedMultiplyAdd(x0, b1, c01);
            Vector256<double> x1 = Vector256.Create(Unsafe.Add(ref a1, ao));
            c10 = Vector256.FusedMultiplyAdd(x1, b0, c10);
            c11 = Vector256.FusedMultiplyAdd(x1, b1, c11);
            Vector256<double> x2 = Vector256.Create(Unsafe.Add(ref a2, ao));
            c20 = Vector256.FusedMultiplyAdd(x2, b0, c20);
            c21 = Vector256.FusedMultiplyAdd(x2, b1, c21);
            Vector256<double> x3 = Vector256.Create(Unsafe.Add(ref a3, ao));
            c30 = Vector256.FusedMultiplyAdd(x3, b0, c30);
            c31 = Vector256.FusedMultiplyAdd(x3, b1, c31);
        }
        double[] cData = c.Data;
        int ldc = c.Columns;
        if (mr == MR && nr == NR)
        {
            Vector256<double> s = Vector256.Create(alpha);
            ref double c0 = ref cData[(i0 * ldc) + j0];
            AddRow(ref c0, c00, c01, s);
            AddRow(ref Unsafe.Add(ref c0, ldc), c10, c11, s);
            AddRow(ref Unsafe.Add(ref c0, 2 * ldc), c20, c21, s);
            AddRow(ref Unsafe.Add(ref c0, 3 * ldc), c30, c31, s);
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
        WriteBack(tile, NR, c, i0, j0, mr, nr, alpha);
    }

    /// <summary>
    /// The 4×16 tile of the Vector512 width: the 4×8 kernel's loop with each row's two Vector256 accumulators as one
    /// Vector512 (lanes j = 0..15 of the tile), so every element sees the same fused multiply-adds in the same order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MicroKernel512(int kc, ref double a, nint rowStride, nint pStride, ref double bp, Matrix c, int i0, int j0, int mr, int nr, double alpha)
    {
        Vector512<double> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector512<double> c20 = default, c21 = default, c30 = default, c31 = default;
        ref double a0 = ref a;
        ref double a1 = ref Unsafe.Add(ref a, Math.Min(1, mr - 1) * rowStride);
        ref double a2 = ref Unsafe.Add(ref a, Math.Min(2, mr - 1) * rowStride);
        ref double a3 = ref Unsafe.Add(ref a, Math.Min(3, mr - 1) * rowStride);
        nint ao = 0;
        for (int p = 0; p < kc; p++, ao += pStride)
        {
            Vector512<double> b0 = Vector512.LoadUnsafe(ref bp, (nuint)(p * NR512));
            Vector512<double> b1 = Vector512.LoadUnsafe(ref bp, (nuint)((p * NR512) + 8));
            Vector512<double> x0 = Vector512.Create(Unsafe.Add(ref a0, ao));
            c00 = Vector512.FusedMultiplyAdd(x0, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(x0, b1, c01);
            Vector512<double> x1 = Vector512.Create(Unsafe.Add(ref a1, ao));
            c10 = Vector512.FusedMultiplyAdd(x1, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(x1, b1, c11);
            Vector512<double> x2 = Vector512.Create(Unsafe.Add(ref a2, ao));
            c20 = Vector512.FusedMultiplyAdd(x2, b0, c20);
            c21 = Vector512.FusedMultiplyAdd(x2, b1, c21);
            Vector512<double> x3 = Vector512.Create(Unsafe.Add(ref a3, ao));
            c30 = Vector512.FusedMultiplyAdd(x3, b0, c30);
            c31 = Vector512.FusedMultiplyAdd(x3, b1, c31);
        }
        double[] cData = c.Data;
        int ldc = c.Columns;
        if (mr == MR && nr == NR512)
        {
            Vector512<double> s = Vector512.Create(alpha);
            ref double c0 = ref cData[(i0 * ldc) + j0];
            AddRow(ref c0, c00, c01, s);
            AddRow(ref Unsafe.Add(ref c0, ldc), c10, c11, s);
            AddRow(ref Unsafe.Add(ref c0, 2 * ldc), c20, c21, s);
            AddRow(ref Unsafe.Add(ref c0, 3 * ldc), c30, c31, s);
            return;
        }
        Span<double> tile = stackalloc double[MR * NR512];
        ref double t = ref MemoryMarshal.GetReference(tile);
        Vector512.StoreUnsafe(c00, ref t, 0);
        Vector512.StoreUnsafe(c01, ref t, 8);
        Vector512.StoreUnsafe(c10, ref t, 16);
        Vector512.StoreUnsafe(c11, ref t, 24);
        Vector512.StoreUnsafe(c20, ref t, 32);
        Vector512.StoreUnsafe(c21, ref t, 40);
        Vector512.StoreUnsafe(c30, ref t, 48);
        Vector512.StoreUnsafe(c31, ref t, 56);
        WriteBack(tile, NR512, c, i0, j0, mr, nr, alpha);
    }

    /// <summary>
    /// The scalar width: the 4×8 tile as plain loops, acc[r, j] = fma(a[r], b[j], acc[r, j]) over p, then
    /// <see cref="WriteBack"/>, the same operations as the vector tiles element by element.
    /// </summary>
    private static void MicroKernelScalar(int kc, ref double a, nint rowStride, nint pStride, ref double bp, Matrix c, int i0, int j0, int mr, int nr, double alpha)
    {
        Span<double> tile = stackalloc double[MR * NR];
        for (int p = 0; p < kc; p++)
        {
            for (int r = 0; r < mr; r++)
            {
                double air = Unsafe.Add(ref a, (r * rowStride) + (p * pStride));
                for (int j = 0; j < NR; j++)
                {
                    tile[(r * NR) + j] = Math.FusedMultiplyAdd(air, Unsafe.Add(ref bp, (p * NR) + j), tile[(r * NR) + j]);
                }
            }
        }
        WriteBack(tile, NR, c, i0, j0, mr, nr, alpha);
    }

    /// <summary>
    /// C[i0 + r, j0 + j] += α·tile[r·stride + j] for r &lt; mr, j &lt; nr, rounded as the 4×8 Vector256 kernel rounds it:
    /// by fused multiply-add where the element lies in a whole 4-row, 8-column group of C (i &lt; m − m mod 4 and
    /// j &lt; n − n mod 8, a full tile of that kernel, whose AddRow fuses), elsewhere by a multiply then an add.
    /// </summary>
    private static void WriteBack(Span<double> tile, int stride, Matrix c, int i0, int j0, int mr, int nr, double alpha)
    {
        double[] cData = c.Data;
        int ldc = c.Columns;
        int fullRows = c.Rows - (c.Rows % MR), fullColumns = ldc - (ldc % NR);
        for (int r = 0; r < mr; r++)
        {
            int i = i0 + r;
            ref double row = ref cData[(i * ldc) + j0];
            for (int j = 0; j < nr; j++)
            {
                double acc = tile[(r * stride) + j];
                ref double cij = ref Unsafe.Add(ref row, j);
                cij = i < fullRows && j0 + j < fullColumns ? Math.FusedMultiplyAdd(acc, alpha, cij) : (acc * alpha) + cij;
            }
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

    /// <summary>C[row, 0..16) += α·(left, right), for a full Vector512 tile row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRow(ref double row, Vector512<double> left, Vector512<double> right, Vector512<double> alpha)
    {
        Vector512.StoreUnsafe(Vector512.FusedMultiplyAdd(left, alpha, Vector512.LoadUnsafe(ref row)), ref row);
        ref double second = ref Unsafe.Add(ref row, 8);
        Vector512.StoreUnsafe(Vector512.FusedMultiplyAdd(right, alpha, Vector512.LoadUnsafe(ref second)), ref second);
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
