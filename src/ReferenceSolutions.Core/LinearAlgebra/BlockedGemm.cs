using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ReferenceSolutions.Core.Native;

namespace ReferenceSolutions.Core.LinearAlgebra;

/// <summary>
/// The fast GEMM behind <see cref="Gemm.Compute"/>, in the Goto/BLIS shape: C is cut into NC-column and MC-row
/// blocks, op(B) into KC×NC panels packed contiguously, and a register-tiled micro-kernel (fused multiply-add) runs over
/// each panel; one tile shape per <see cref="SimdWidth"/>, chosen once (<see cref="VectorWidth.Current"/>): 8×16 with 16
/// Vector512 accumulators, 4×8 with 8 Vector256 accumulators, or the same 4×8 tile as plain loops. The tiles read
/// op(A) in place; the 4×8 tiles pack it into MC×KC blocks first when C is wide (<see cref="PacksA"/>). (A 6×8
/// Vector256 tile needs 12 accumulators plus 3 temporaries; with AVX2's 16 registers the JIT then spills every
/// accumulator each iteration and runs 4× slower.) Above 2²³ multiply-adds C is split into one part per thread, by
/// columns or by rows, each run through all of k; every element of C is summed in one thread in a fixed order, so
/// results are bit-for-bit repeatable. Same arithmetic as <see cref="Gemm.Reference"/>, summed in another order (KC
/// chunks, FMA rounding), and the same bits at every width, tile and split: each element is accumulated over p in the
/// same order with the same fused multiply-adds, and the write-back C += α·acc is fused exactly where the element lies
/// in a whole 4-row, 8-column group of C (see <see cref="WriteBack"/>).
/// Derivation: docs/core.md#gemm-the-reference-loop-and-the-blocked-kernel.
/// </summary>
internal static class BlockedGemm
{
    internal const int MR = 4;
    internal const int MR512 = 8;
    internal const int NR = 8;
    internal const int NR512 = 16;
    internal const int KC = 256;
    internal const int MC = 120;
    internal const int NC = 1024;

    private const long ParallelFlops = 1L << 23;
    private const int PackedAPanels = 16;

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
        var product = new Product(width, a, transposeA, b, transposeB, c, alpha, k);
        int threads = (long)m * n * k >= ParallelFlops ? Environment.ProcessorCount : 1;
        bool byColumns = n >= m;
        int length = byColumns ? n : m;
        int partLength = RoundUp((length + threads - 1) / threads, byColumns ? TileColumns(width) : TileRows(width));
        int parts = (length + partLength - 1) / partLength;
        if (parts == 1)
        {
            product.Run(0, m, 0, n);
            return;
        }
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = threads }, part =>
        {
            int start = part * partLength, end = Math.Min(length, start + partLength);
            if (byColumns)
            {
                product.Run(0, m, start, end);
            }
            else
            {
                product.Run(start, end, 0, n);
            }
        });
    }

    /// <summary>MR of the width's tile: 8 rows for Vector512, 4 otherwise.</summary>
    internal static int TileRows(SimdWidth width) => width == SimdWidth.Vector512 ? MR512 : MR;

    /// <summary>NR of the width's tile: 16 columns for Vector512, 8 otherwise.</summary>
    internal static int TileColumns(SimdWidth width) => width == SimdWidth.Vector512 ? NR512 : NR;

    /// <summary>The operands of one call; <see cref="Run"/> computes one part of C, so threads can each take one.</summary>
    private sealed class Product(SimdWidth width, Matrix a, bool transposeA, Matrix b, bool transposeB, Matrix c, double alpha, int k)
    {
        /// <summary>C[i0..i1, j0..j1) += α·op(A)·op(B) over all of k: the blocked loops over that part of C alone.</summary>
        public void Run(int i0, int i1, int j0, int j1)
        {
            int nr = TileColumns(width), mr = TileRows(width);
            int blocks = (i1 - i0 + MC - 1) / MC;
            int mcMax = RoundUp((i1 - i0 + blocks - 1) / blocks, mr);
            bool packA = PacksA(width, Math.Min(NC, j1 - j0));
            double[] bPack = ArrayPool<double>.Shared.Rent(KC * RoundUp(Math.Min(NC, j1 - j0), nr));
            double[]? aPack = packA ? ArrayPool<double>.Shared.Rent(KC * mcMax) : null;
            try
            {
                for (int jc = j0; jc < j1; jc += NC)
                {
                    int nc = Math.Min(NC, j1 - jc);
                    for (int pc = 0; pc < k; pc += KC)
                    {
                        int kc = Math.Min(KC, k - pc);
                        PackB(b, transposeB, pc, kc, jc, nc, nr, bPack);
                        for (int ic = i0; ic < i1; ic += mcMax)
                        {
                            Block(ic, Math.Min(mcMax, i1 - ic), pc, kc, jc, nc, bPack, aPack);
                        }
                    }
                }
            }
            finally
            {
                ArrayPool<double>.Shared.Return(bPack);
                if (aPack is not null)
                {
                    ArrayPool<double>.Shared.Return(aPack);
                }
            }
        }

        /// <summary>C[ic..ic+mc, jc..jc+nc) += α·op(A)[ic.., pc..pc+kc)·(packed B), tile by tile.</summary>
        private void Block(int ic, int mc, int pc, int kc, int jc, int nc, double[] bPack, double[]? aPack)
        {
            int nr = TileColumns(width), mr = TileRows(width);
            if (aPack is not null)
            {
                PackA(a, transposeA, ic, mc, pc, kc, mr, aPack);
            }
            nint rowStride = aPack is not null || transposeA ? 1 : a.Columns;
            nint pStride = aPack is not null ? mr : transposeA ? a.Columns : 1;
            for (int jr = 0; jr < nc; jr += nr)
            {
                for (int ir = 0; ir < mc; ir += mr)
                {
                    int rows = Math.Min(mr, mc - ir), columns = Math.Min(nr, nc - jr);
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
    }

    /// <summary>
    /// Whether a block packs its op(A) rows first. The 8×16 tile reads op(A) where it lies (a row of A is contiguous in
    /// p; at step p the eight rows of Aᵀ are one cache line), which measured faster than packing at 512³ and at the MLP's
    /// shapes. The
    /// narrower tiles pack when C is wider than <see cref="PackedAPanels"/> column panels, where the copy pays for
    /// itself; on narrow C (the MLP's N×10 layer) packing cost as much as the multiply.
    /// </summary>
    private static bool PacksA(SimdWidth width, int nc) => width != SimdWidth.Vector512 && nc > PackedAPanels * TileColumns(width);

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

    /// <summary>aPack[panel·mr·kc + p·mr + r] = op(A)[ic + panel·mr + r, pc + p], zero-padded to whole panels of mr rows (mr = the tile's rows).</summary>
    private static void PackA(Matrix a, bool transposeA, int ic, int mc, int pc, int kc, int mr, double[] aPack)
    {
        double[] data = a.Data;
        int lda = a.Columns;
        for (int panel = 0; panel * mr < mc; panel++)
        {
            int rows = Math.Min(mr, mc - (panel * mr));
            int baseOffset = panel * mr * kc;
            if (rows < mr)
            {
                Array.Clear(aPack, baseOffset, mr * kc);
            }
            for (int r = 0; r < rows; r++)
            {
                int i = ic + (panel * mr) + r;
                int source = transposeA ? (pc * lda) + i : (i * lda) + pc;
                int step = transposeA ? lda : 1;
                for (int p = 0; p < kc; p++)
                {
                    aPack[baseOffset + (p * mr) + r] = data[source + (p * step)];
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
    /// The 8×16 tile of the Vector512 width: 16 Vector512 accumulators, one per row and 8-column half (AVX-512 has 32
    /// registers), so each step loads two vectors of B for sixteen fused multiply-adds. Each element sees the same fused
    /// multiply-adds in the same order as in the 4×8 kernel.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MicroKernel512(int kc, ref double a, nint rowStride, nint pStride, ref double bp, Matrix c, int i0, int j0, int mr, int nr, double alpha)
    {
        Vector512<double> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector512<double> c20 = default, c21 = default, c30 = default, c31 = default;
        Vector512<double> c40 = default, c41 = default, c50 = default, c51 = default;
        Vector512<double> c60 = default, c61 = default, c70 = default, c71 = default;
        ref double a0 = ref a;
        ref double a1 = ref Unsafe.Add(ref a, Math.Min(1, mr - 1) * rowStride);
        ref double a2 = ref Unsafe.Add(ref a, Math.Min(2, mr - 1) * rowStride);
        ref double a3 = ref Unsafe.Add(ref a, Math.Min(3, mr - 1) * rowStride);
        ref double a4 = ref Unsafe.Add(ref a, Math.Min(4, mr - 1) * rowStride);
        ref double a5 = ref Unsafe.Add(ref a, Math.Min(5, mr - 1) * rowStride);
        ref double a6 = ref Unsafe.Add(ref a, Math.Min(6, mr - 1) * rowStride);
        ref double a7 = ref Unsafe.Add(ref a, Math.Min(7, mr - 1) * rowStride);
        nint ao = 0;
        for (int p = 0; p < kc; p++, ao += pStride)
        {
            Vector512<double> b0 = Vector512.LoadUnsafe(ref bp, (nuint)(p * NR512));
            Vector512<double> b1 = Vector512.LoadUnsafe(ref bp, (nuint)((p * NR512) + 8));
            Vector512<double> x = Vector512.Create(Unsafe.Add(ref a0, ao));
            c00 = Vector512.FusedMultiplyAdd(x, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(Unsafe.Add(ref a1, ao));
            c10 = Vector512.FusedMultiplyAdd(x, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(Unsafe.Add(ref a2, ao));
            c20 = Vector512.FusedMultiplyAdd(x, b0, c20);
            c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(Unsafe.Add(ref a3, ao));
            c30 = Vector512.FusedMultiplyAdd(x, b0, c30);
            c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
            x = Vector512.Create(Unsafe.Add(ref a4, ao));
            c40 = Vector512.FusedMultiplyAdd(x, b0, c40);
            c41 = Vector512.FusedMultiplyAdd(x, b1, c41);
            x = Vector512.Create(Unsafe.Add(ref a5, ao));
            c50 = Vector512.FusedMultiplyAdd(x, b0, c50);
            c51 = Vector512.FusedMultiplyAdd(x, b1, c51);
            x = Vector512.Create(Unsafe.Add(ref a6, ao));
            c60 = Vector512.FusedMultiplyAdd(x, b0, c60);
            c61 = Vector512.FusedMultiplyAdd(x, b1, c61);
            x = Vector512.Create(Unsafe.Add(ref a7, ao));
            c70 = Vector512.FusedMultiplyAdd(x, b0, c70);
            c71 = Vector512.FusedMultiplyAdd(x, b1, c71);
        }
        double[] cData = c.Data;
        int ldc = c.Columns;
        if (mr == MR512 && nr == NR512)
        {
            Vector512<double> s = Vector512.Create(alpha);
            ref double c0 = ref cData[(i0 * ldc) + j0];
            AddRow(ref c0, c00, c01, s);
            AddRow(ref Unsafe.Add(ref c0, ldc), c10, c11, s);
            AddRow(ref Unsafe.Add(ref c0, 2 * ldc), c20, c21, s);
            AddRow(ref Unsafe.Add(ref c0, 3 * ldc), c30, c31, s);
            AddRow(ref Unsafe.Add(ref c0, 4 * ldc), c40, c41, s);
            AddRow(ref Unsafe.Add(ref c0, 5 * ldc), c50, c51, s);
            AddRow(ref Unsafe.Add(ref c0, 6 * ldc), c60, c61, s);
            AddRow(ref Unsafe.Add(ref c0, 7 * ldc), c70, c71, s);
            return;
        }
        Span<double> tile = stackalloc double[MR512 * NR512];
        ref double t = ref MemoryMarshal.GetReference(tile);
        Vector512.StoreUnsafe(c00, ref t, 0);
        Vector512.StoreUnsafe(c01, ref t, 8);
        Vector512.StoreUnsafe(c10, ref t, 16);
        Vector512.StoreUnsafe(c11, ref t, 24);
        Vector512.StoreUnsafe(c20, ref t, 32);
        Vector512.StoreUnsafe(c21, ref t, 40);
        Vector512.StoreUnsafe(c30, ref t, 48);
        Vector512.StoreUnsafe(c31, ref t, 56);
        Vector512.StoreUnsafe(c40, ref t, 64);
        Vector512.StoreUnsafe(c41, ref t, 72);
        Vector512.StoreUnsafe(c50, ref t, 80);
        Vector512.StoreUnsafe(c51, ref t, 88);
        Vector512.StoreUnsafe(c60, ref t, 96);
        Vector512.StoreUnsafe(c61, ref t, 104);
        Vector512.StoreUnsafe(c70, ref t, 112);
        Vector512.StoreUnsafe(c71, ref t, 120);
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
