using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ReferenceSolutions.Core.Native;

namespace ReferenceSolutions.Recommender.Svd;

/// <summary>
/// A plane (Givens) rotation [c s; −s c] with c² + s² = 1, chosen to zero the second entry of a pair:
/// [c s; −s c]·[y; z] = [r; 0] with r = √(y² + z²), c = y/r, s = z/r (c = 1, s = 0 when y = z = 0).
/// Golub &amp; Van Loan, Matrix Computations, §5.1.8.
/// </summary>
internal readonly record struct GivensRotation(double C, double S, double R)
{
    /// <summary>The rotation that maps (y, z) to (r, 0): r = hypot(y, z) (no under- or overflow in the squares), c = y/r, s = z/r.</summary>
    public static GivensRotation Zeroing(double y, double z)
    {
        double r = double.Hypot(y, z);
        return r == 0.0 ? new GivensRotation(1.0, 0.0, 0.0) : new GivensRotation(y / r, z / r, r);
    }

    /// <summary>(x, y) ← (c·x + s·y, c·y − s·x), element-wise, on two rows of equal length, in <see cref="VectorWidth.Current"/>.</summary>
    public void Apply(Span<double> x, Span<double> y) => Apply(VectorWidth.Current, x, y);

    /// <summary>
    /// (x, y) ← (c·x + s·y, c·y − s·x) in the given width: 8 lanes (Vector512), 4 lanes (Vector256) or none, then the
    /// scalar tail. Every element gets the same two products and one sum or difference, unfused, so every width gives
    /// the same bits.
    /// </summary>
    public void Apply(SimdWidth width, Span<double> x, Span<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"rows of different lengths: {x.Length} and {y.Length}", nameof(y));
        }
        int n = x.Length;
        int i = 0;
        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double yr = ref MemoryMarshal.GetReference(y);
        if (width == SimdWidth.Vector512)
        {
            Vector512<double> c = Vector512.Create(C), s = Vector512.Create(S);
            for (; i <= n - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                Vector512<double> xi = Vector512.LoadUnsafe(ref xr, (nuint)i);
                Vector512<double> yi = Vector512.LoadUnsafe(ref yr, (nuint)i);
                ((c * xi) + (s * yi)).StoreUnsafe(ref xr, (nuint)i);
                ((c * yi) - (s * xi)).StoreUnsafe(ref yr, (nuint)i);
            }
        }
        else if (width == SimdWidth.Vector256)
        {
            Vector256<double> c = Vector256.Create(C), s = Vector256.Create(S);
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                Vector256<double> xi = Vector256.LoadUnsafe(ref xr, (nuint)i);
                Vector256<double> yi = Vector256.LoadUnsafe(ref yr, (nuint)i);
                ((c * xi) + (s * yi)).StoreUnsafe(ref xr, (nuint)i);
                ((c * yi) - (s * xi)).StoreUnsafe(ref yr, (nuint)i);
            }
        }
        for (; i < n; i++)
        {
            double xi = x[i];
            double yi = y[i];
            x[i] = (C * xi) + (S * yi);
            y[i] = (C * yi) - (S * xi);
        }
    }
}
