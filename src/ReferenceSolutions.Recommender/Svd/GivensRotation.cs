using System.Numerics;

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

    /// <summary>(x, y) ← (c·x + s·y, c·y − s·x), element-wise, on two rows of equal length (vectorised, then the scalar tail).</summary>
    public void Apply(Span<double> x, Span<double> y)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var c = new Vector<double>(C);
            var s = new Vector<double>(S);
            for (; i <= x.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var xi = new Vector<double>(x[i..]);
                var yi = new Vector<double>(y[i..]);
                ((c * xi) + (s * yi)).CopyTo(x[i..]);
                ((c * yi) - (s * xi)).CopyTo(y[i..]);
            }
        }
        for (; i < x.Length; i++)
        {
            double xi = x[i];
            double yi = y[i];
            x[i] = (C * xi) + (S * yi);
            y[i] = (C * yi) - (S * xi);
        }
    }
}
