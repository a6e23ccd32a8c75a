using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Native;

namespace ReferenceSolutions.FraudDetection.LogisticRegression;

/// <summary>
/// The weighted Gram matrix G = Xᵀ·diag(s)·X (d×d, symmetric; X: n×d row-major, s: n weights ≥ 0), the w-block of the
/// logistic Hessian, built by <see cref="LogisticObjective.GradientAndHessian(Matrix, IReadOnlyList{int}, double, ReadOnlySpan{double}, ReadOnlySpan{double})"/>
/// one chunk of <see cref="ChunkRows"/> rows at a time while the chunk is in cache, lower triangle (c ≤ a) only.
/// Every entry is summed in one fixed order, the same at every width:
/// G[a, c] = Σ_chunks acc, acc = fma(X[i, a], sxᵢ꜀, acc) over the chunk's rows i in order from acc = 0, sxᵢ꜀ = sᵢ·X[i, c]
/// (rounded once); <see cref="Reference"/> is that plain loop. The vector kernels cut the triangle into 8×8 tiles (rows
/// a of one 8-block, columns c of one at or left of it), load X[i, a..a+8) straight from X and broadcast sxᵢ꜀ from a
/// packed copy of the chunk's s·X: Vector512 keeps the tile in 8 accumulators (one per column), Vector256 in two passes of
/// 2×4. This is the order in which Core's blocked GEMM (KC = 256 chunks, FMA, C += acc per chunk) summed Xᵀ·(SX) before,
/// so the Hessian kept its bits when the n×d SX matrix and the GEMM's upper half went.
/// </summary>
internal static class WeightedGram
{
    /// <summary>Rows per chunk: the GEMM's KC, on which the order of the sums (and so the bits) depends.</summary>
    public const int ChunkRows = 256;

    private const int Tile = 8;

    /// <summary>
    /// The readable reference: lower[a·d + c] for c ≤ a, summed chunk by chunk in the order stated above, no vectors
    /// and no tiles. Entries above the diagonal stay 0.
    /// </summary>
    public static double[] Reference(Matrix x, ReadOnlySpan<double> s)
    {
        ArgumentNullException.ThrowIfNull(x);
        int n = x.Rows, d = x.Columns;
        double[] lower = new double[d * d];
        for (int start = 0; start < n; start += ChunkRows)
        {
            int end = Math.Min(n, start + ChunkRows);
            for (int a = 0; a < d; a++)
            {
                for (int c = 0; c <= a; c++)
                {
                    double acc = 0.0;
                    for (int i = start; i < end; i++)
                    {
                        acc = Math.FusedMultiplyAdd(x[i, a], s[i] * x[i, c], acc);
                    }
                    lower[(a * d) + c] += acc;
                }
            }
        }
        return lower;
    }

    /// <summary>
    /// The working state of one accumulation over a d-column X: the packed s·X of the current chunk, one
    /// ChunkRows×8 panel per column block, and the last, partial row block of X zero-padded to 8 columns.
    /// </summary>
    internal sealed class Accumulator(SimdWidth width, Matrix x)
    {
        private readonly int _blocks = (x.Columns + Tile - 1) / Tile;
        private readonly double[] _scaled = new double[(x.Columns + Tile - 1) / Tile * ChunkRows * Tile];
        private readonly double[] _tail = new double[ChunkRows * Tile];

        /// <summary>G's lower triangle so far, d×d row-major (entries above the diagonal are not meaningful).</summary>
        public double[] Lower { get; } = new double[x.Columns * x.Columns];

        /// <summary>Adds the chunk of rows start..start + s.Length (at most <see cref="ChunkRows"/>, chunks in order from row 0) with weights s.</summary>
        public void AddChunk(int start, ReadOnlySpan<double> s)
        {
            int d = x.Columns, rows = s.Length;
            if (width == SimdWidth.Scalar)
            {
                AddChunkScalar(start, s);
                return;
            }
            Pack(start, s);
            ref double data = ref MemoryMarshal.GetArrayDataReference(x.Data);
            for (int cb = 0; cb < _blocks; cb++)
            {
                ref double scaled = ref _scaled[cb * ChunkRows * Tile];
                for (int ab = cb; ab < _blocks; ab++)
                {
                    bool partial = (ab * Tile) + Tile > d;
                    ref double xBlock = ref partial ? ref _tail[0] : ref Unsafe.Add(ref data, ((nint)start * d) + (ab * Tile));
                    int stride = partial ? Tile : d;
                    if (width == SimdWidth.Vector512)
                    {
                        Tile512(rows, ref xBlock, stride, ref scaled, ab * Tile, cb * Tile);
                    }
                    else
                    {
                        Tile256(rows, ref xBlock, stride, ref scaled, ab * Tile, cb * Tile);
                    }
                }
            }
        }

        /// <summary>_scaled[cb][i][j] = s[i]·X[start + i, 8cb + j] (0 past column d); _tail[i][j] = X[start + i, 8(blocks − 1) + j] (0 past d).</summary>
        private void Pack(int start, ReadOnlySpan<double> s)
        {
            int d = x.Columns;
            for (int cb = 0; cb < _blocks; cb++)
            {
                int c0 = cb * Tile, columns = Math.Min(Tile, d - c0);
                Span<double> panel = _scaled.AsSpan(cb * ChunkRows * Tile, ChunkRows * Tile);
                for (int i = 0; i < s.Length; i++)
                {
                    ReadOnlySpan<double> row = x.Row(start + i).Slice(c0, columns);
                    Span<double> packed = panel.Slice(i * Tile, Tile);
                    if (columns == Tile && width == SimdWidth.Vector512)
                    {
                        (Vector512.Create(s[i]) * Vector512.Create(row)).CopyTo(packed);
                        continue;
                    }
                    if (columns == Tile)
                    {
                        (Vector256.Create(s[i]) * Vector256.Create(row)).CopyTo(packed);
                        (Vector256.Create(s[i]) * Vector256.Create(row[4..])).CopyTo(packed[4..]);
                        continue;
                    }
                    for (int j = 0; j < columns; j++)
                    {
                        packed[j] = s[i] * row[j];
                    }
                }
            }
            int last = (_blocks - 1) * Tile;
            if (d - last < Tile)
            {
                for (int i = 0; i < s.Length; i++)
                {
                    x.Row(start + i)[last..].CopyTo(_tail.AsSpan(i * Tile));
                }
            }
        }

        /// <summary>The scalar width: <see cref="Reference"/>'s loop over one chunk.</summary>
        private void AddChunkScalar(int start, ReadOnlySpan<double> s)
        {
            int d = x.Columns;
            for (int a = 0; a < d; a++)
            {
                for (int c = 0; c <= a; c++)
                {
                    double acc = 0.0;
                    for (int i = 0; i < s.Length; i++)
                    {
                        acc = Math.FusedMultiplyAdd(x[start + i, a], s[i] * x[start + i, c], acc);
                    }
                    Lower[(a * d) + c] += acc;
                }
            }
        }

        /// <summary>
        /// One 8×8 tile, a0..a0+8 × c0..c0+8, over the chunk's rows: accumulator j holds G[a0..a0+8, c0 + j] (8 lanes),
        /// acc_j = fma(X[i, a0..a0+8), broadcast sx[i, c0 + j], acc_j); then G[a, c] += acc for the tile's entries with
        /// a &lt; d and c ≤ a.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Tile512(int rows, ref double xBlock, int stride, ref double scaled, int a0, int c0)
        {
            Vector512<double> g0 = default, g1 = default, g2 = default, g3 = default, g4 = default, g5 = default, g6 = default, g7 = default;
            for (int i = 0; i < rows; i++)
            {
                Vector512<double> xv = Vector512.LoadUnsafe(ref xBlock, (nuint)i * (nuint)stride);
                ref double sx = ref Unsafe.Add(ref scaled, i * Tile);
                g0 = Vector512.FusedMultiplyAdd(xv, Vector512.Create(sx), g0);
                g1 = Vector512.FusedMultiplyAdd(xv, Vector512.Create(Unsafe.Add(ref sx, 1)), g1);
                g2 = Vector512.FusedMultiplyAdd(xv, Vector512.Create(Unsafe.Add(ref sx, 2)), g2);
                g3 = Vector512.FusedMultiplyAdd(xv, Vector512.Create(Unsafe.Add(ref sx, 3)), g3);
                g4 = Vector512.FusedMultiplyAdd(xv, Vector512.Create(Unsafe.Add(ref sx, 4)), g4);
                g5 = Vector512.FusedMultiplyAdd(xv, Vector512.Create(Unsafe.Add(ref sx, 5)), g5);
                g6 = Vector512.FusedMultiplyAdd(xv, Vector512.Create(Unsafe.Add(ref sx, 6)), g6);
                g7 = Vector512.FusedMultiplyAdd(xv, Vector512.Create(Unsafe.Add(ref sx, 7)), g7);
            }
            Span<double> tile = stackalloc double[Tile * Tile];
            g0.CopyTo(tile);
            g1.CopyTo(tile[8..]);
            g2.CopyTo(tile[16..]);
            g3.CopyTo(tile[24..]);
            g4.CopyTo(tile[32..]);
            g5.CopyTo(tile[40..]);
            g6.CopyTo(tile[48..]);
            g7.CopyTo(tile[56..]);
            AddTile(tile, a0, c0);
        }

        /// <summary>The Vector256 tile: the same sums as <see cref="Tile512"/>, a0..a0+8 as two 4-lane halves, columns c0..c0+4 then c0+4..c0+8.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Tile256(int rows, ref double xBlock, int stride, ref double scaled, int a0, int c0)
        {
            Span<double> tile = stackalloc double[Tile * Tile];
            for (int half = 0; half < Tile; half += 4)
            {
                Vector256<double> g0 = default, g1 = default, g2 = default, g3 = default, h0 = default, h1 = default, h2 = default, h3 = default;
                for (int i = 0; i < rows; i++)
                {
                    ref double xi = ref Unsafe.Add(ref xBlock, (nint)i * stride);
                    Vector256<double> low = Vector256.LoadUnsafe(ref xi);
                    Vector256<double> high = Vector256.LoadUnsafe(ref xi, 4);
                    ref double sx = ref Unsafe.Add(ref scaled, (i * Tile) + half);
                    Vector256<double> b = Vector256.Create(sx);
                    g0 = Vector256.FusedMultiplyAdd(low, b, g0);
                    h0 = Vector256.FusedMultiplyAdd(high, b, h0);
                    b = Vector256.Create(Unsafe.Add(ref sx, 1));
                    g1 = Vector256.FusedMultiplyAdd(low, b, g1);
                    h1 = Vector256.FusedMultiplyAdd(high, b, h1);
                    b = Vector256.Create(Unsafe.Add(ref sx, 2));
                    g2 = Vector256.FusedMultiplyAdd(low, b, g2);
                    h2 = Vector256.FusedMultiplyAdd(high, b, h2);
                    b = Vector256.Create(Unsafe.Add(ref sx, 3));
                    g3 = Vector256.FusedMultiplyAdd(low, b, g3);
                    h3 = Vector256.FusedMultiplyAdd(high, b, h3);
                }
                Span<double> quarter = tile[(half * Tile)..];
                g0.CopyTo(quarter);
                h0.CopyTo(quarter[4..]);
                g1.CopyTo(quarter[8..]);
                h1.CopyTo(quarter[12..]);
                g2.CopyTo(quarter[16..]);
                h2.CopyTo(quarter[20..]);
                g3.CopyTo(quarter[24..]);
                h3.CopyTo(quarter[28..]);
            }
            AddTile(tile, a0, c0);
        }

        /// <summary>G[a0 + r, c0 + j] += tile[j·8 + r] for the entries inside the lower triangle (a &lt; d, c ≤ a).</summary>
        private void AddTile(ReadOnlySpan<double> tile, int a0, int c0)
        {
            int d = x.Columns;
            for (int j = 0; j < Tile && c0 + j < d; j++)
            {
                int c = c0 + j;
                for (int r = Math.Max(0, c - a0); r < Tile && a0 + r < d; r++)
                {
                    Lower[((a0 + r) * d) + c] += tile[(j * Tile) + r];
                }
            }
        }
    }
}
