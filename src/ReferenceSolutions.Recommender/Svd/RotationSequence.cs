using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Native;

namespace ReferenceSolutions.Recommender.Svd;

/// <summary>
/// The rotations of one QR sweep applied to the rows of Uᵀ or Vᵀ: g₀, g₁, …, g_{q−1} in that order, gₖ acting on rows
/// (f + k, f + k + 1) as (x, y) ← (cₖ·x + sₖ·y, cₖ·y − sₖ·x). Row f + k is final once gₖ has acted (no later rotation
/// touches it), so each column is swept down the rows once with the running row f + k + 1 held in a register: one load
/// and one store per entry, where one rotation at a time (<see cref="GivensRotation.Apply(SimdWidth, Span{double}, Span{double})"/>)
/// loads and stores both rows. Each entry sees the same unfused products, sums and differences in the same order as
/// there, so the bits are those of applying the rotations one by one, at every width: columns in groups of four
/// Vector512 (32 columns) or four Vector256 (16), so that four independent chains hide the latency, then single
/// vectors, then one column at a time.
/// </summary>
internal static class RotationSequence
{
    /// <summary>Applies the rotations (<paramref name="c"/>[k], <paramref name="s"/>[k]) to rows (first + k, first + k + 1) of <paramref name="m"/>, k = 0 … q − 1 in order.</summary>
    public static void Apply(SimdWidth width, Matrix m, int first, ReadOnlySpan<double> c, ReadOnlySpan<double> s)
    {
        ArgumentNullException.ThrowIfNull(m);
        int q = c.Length;
        if (q == 0 || m.Columns == 0)
        {
            return;
        }
        if (s.Length != q || first < 0 || first + q >= m.Rows)
        {
            throw new ArgumentException($"{q} rotations from row {first} do not fit a {m.Rows}-row matrix with {s.Length} sines");
        }
        int n = m.Columns;
        ref double top = ref m.Data[first * n];
        int j = 0;
        if (width == SimdWidth.Vector512)
        {
            for (; j <= n - (4 * Vector512<double>.Count); j += 4 * Vector512<double>.Count)
            {
                Sweep512x4(ref Unsafe.Add(ref top, j), n, c, s);
            }
            for (; j <= n - Vector512<double>.Count; j += Vector512<double>.Count)
            {
                Sweep512(ref Unsafe.Add(ref top, j), n, c, s);
            }
        }
        else if (width == SimdWidth.Vector256)
        {
            for (; j <= n - (4 * Vector256<double>.Count); j += 4 * Vector256<double>.Count)
            {
                Sweep256x4(ref Unsafe.Add(ref top, j), n, c, s);
            }
            for (; j <= n - Vector256<double>.Count; j += Vector256<double>.Count)
            {
                Sweep256(ref Unsafe.Add(ref top, j), n, c, s);
            }
        }
        for (; j < n; j++)
        {
            SweepScalar(ref Unsafe.Add(ref top, j), n, c, s);
        }
    }

    /// <summary>One column, from the entry <paramref name="x"/> of row f down, rows <paramref name="n"/> apart.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SweepScalar(ref double x, int n, ReadOnlySpan<double> c, ReadOnlySpan<double> s)
    {
        double running = x;
        for (int k = 0; k < c.Length; k++)
        {
            double below = Unsafe.Add(ref x, (k + 1) * n);
            Unsafe.Add(ref x, k * n) = (c[k] * running) + (s[k] * below);
            running = (c[k] * below) - (s[k] * running);
        }
        Unsafe.Add(ref x, c.Length * n) = running;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Sweep512(ref double x, int n, ReadOnlySpan<double> c, ReadOnlySpan<double> s)
    {
        Vector512<double> running = Vector512.LoadUnsafe(ref x);
        for (int k = 0; k < c.Length; k++)
        {
            Vector512<double> ck = Vector512.Create(c[k]), sk = Vector512.Create(s[k]);
            Vector512<double> below = Vector512.LoadUnsafe(ref x, (nuint)((k + 1) * n));
            ((ck * running) + (sk * below)).StoreUnsafe(ref x, (nuint)(k * n));
            running = (ck * below) - (sk * running);
        }
        running.StoreUnsafe(ref x, (nuint)(c.Length * n));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Sweep512x4(ref double x, int n, ReadOnlySpan<double> c, ReadOnlySpan<double> s)
    {
        const int w = 8;
        Vector512<double> r0 = Vector512.LoadUnsafe(ref x), r1 = Vector512.LoadUnsafe(ref x, w);
        Vector512<double> r2 = Vector512.LoadUnsafe(ref x, 2 * w), r3 = Vector512.LoadUnsafe(ref x, 3 * w);
        for (int k = 0; k < c.Length; k++)
        {
            Vector512<double> ck = Vector512.Create(c[k]), sk = Vector512.Create(s[k]);
            ref double row = ref Unsafe.Add(ref x, k * n);
            ref double next = ref Unsafe.Add(ref x, (k + 1) * n);
            Vector512<double> b0 = Vector512.LoadUnsafe(ref next), b1 = Vector512.LoadUnsafe(ref next, w);
            Vector512<double> b2 = Vector512.LoadUnsafe(ref next, 2 * w), b3 = Vector512.LoadUnsafe(ref next, 3 * w);
            ((ck * r0) + (sk * b0)).StoreUnsafe(ref row);
            ((ck * r1) + (sk * b1)).StoreUnsafe(ref row, w);
            ((ck * r2) + (sk * b2)).StoreUnsafe(ref row, 2 * w);
            ((ck * r3) + (sk * b3)).StoreUnsafe(ref row, 3 * w);
            r0 = (ck * b0) - (sk * r0);
            r1 = (ck * b1) - (sk * r1);
            r2 = (ck * b2) - (sk * r2);
            r3 = (ck * b3) - (sk * r3);
        }
        ref double last = ref Unsafe.Add(ref x, c.Length * n);
        r0.StoreUnsafe(ref last);
        r1.StoreUnsafe(ref last, w);
        r2.StoreUnsafe(ref last, 2 * w);
        r3.StoreUnsafe(ref last, 3 * w);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Sweep256(ref double x, int n, ReadOnlySpan<double> c, ReadOnlySpan<double> s)
    {
        Vector256<double> running = Vector256.LoadUnsafe(ref x);
        for (int k = 0; k < c.Length; k++)
        {
            Vector256<double> ck = Vector256.Create(c[k]), sk = Vector256.Create(s[k]);
            Vector256<double> below = Vector256.LoadUnsafe(ref x, (nuint)((k + 1) * n));
            ((ck * running) + (sk * below)).StoreUnsafe(ref x, (nuint)(k * n));
            running = (ck * below) - (sk * running);
        }
        running.StoreUnsafe(ref x, (nuint)(c.Length * n));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Sweep256x4(ref double x, int n, ReadOnlySpan<double> c, ReadOnlySpan<double> s)
    {
        const int w = 4;
        Vector256<double> r0 = Vector256.LoadUnsafe(ref x), r1 = Vector256.LoadUnsafe(ref x, w);
        Vector256<double> r2 = Vector256.LoadUnsafe(ref x, 2 * w), r3 = Vector256.LoadUnsafe(ref x, 3 * w);
        for (int k = 0; k < c.Length; k++)
        {
            Vector256<double> ck = Vector256.Create(c[k]), sk = Vector256.Create(s[k]);
            ref double row = ref Unsafe.Add(ref x, k * n);
            ref double next = ref Unsafe.Add(ref x, (k + 1) * n);
            Vector256<double> b0 = Vector256.LoadUnsafe(ref next), b1 = Vector256.LoadUnsafe(ref next, w);
            Vector256<double> b2 = Vector256.LoadUnsafe(ref next, 2 * w), b3 = Vector256.LoadUnsafe(ref next, 3 * w);
            ((ck * r0) + (sk * b0)).StoreUnsafe(ref row);
            ((ck * r1) + (sk * b1)).StoreUnsafe(ref row, w);
            ((ck * r2) + (sk * b2)).StoreUnsafe(ref row, 2 * w);
            ((ck * r3) + (sk * b3)).StoreUnsafe(ref row, 3 * w);
            r0 = (ck * b0) - (sk * r0);
            r1 = (ck * b1) - (sk * r1);
            r2 = (ck * b2) - (sk * r2);
            r3 = (ck * b3) - (sk * r3);
        }
        ref double last = ref Unsafe.Add(ref x, c.Length * n);
        r0.StoreUnsafe(ref last);
        r1.StoreUnsafe(ref last, w);
        r2.StoreUnsafe(ref last, 2 * w);
        r3.StoreUnsafe(ref last, 3 * w);
    }
}
