using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Native;

namespace ReferenceSolutions.Recommender.Factorization;

/// <summary>
/// The lower triangle of ALS's normal matrix G = Σᵣ zᵣ·zᵣᵀ (zᵣ ∈ ℝᵈ, d = k + 1), accumulated rating by rating: for
/// each rating every entry G[s, t], t ≤ s, becomes G[s, t] + zᵣ[t]·zᵣ[s], the product rounded and then the sum (no
/// fused multiply–add). <see cref="AddReference"/> is the readable form, one rating at a time, row by row.
/// <see cref="AddBlock(ReadOnlySpan{double}, int, Matrix)"/> takes up to <see cref="Block"/> ratings at once: each vector-wide chunk of a row is loaded
/// once, receives the ratings' products one after another in rating order, and is stored once — per entry the same
/// IEEE operations in the same order, so the two give the same bits (<c>GramAccumulationTests</c>, at every width this
/// machine has), at a fraction of the loads, stores and calls.
/// </summary>
internal static class GramAccumulation
{
    /// <summary>The most ratings <see cref="AddBlock(ReadOnlySpan{double}, int, Matrix)"/> takes at once.</summary>
    public const int Block = 8;

    /// <summary>G += z·zᵀ on the lower triangle of <paramref name="gram"/> (d×d), for one rating's <paramref name="z"/> (d).</summary>
    public static void AddReference(ReadOnlySpan<double> z, Matrix gram)
    {
        ArgumentNullException.ThrowIfNull(gram);
        for (int s = 0; s < z.Length; s++)
        {
            Span<double> row = gram.Row(s)[..(s + 1)];
            TensorPrimitives.MultiplyAdd(z[..(s + 1)], z[s], row, row);
        }
    }

    /// <summary>
    /// G += Σ_{b &lt; count} z_b·z_bᵀ in that order on the lower triangle of <paramref name="gram"/> (d×d);
    /// <paramref name="zRows"/> holds z_b at [b·d, (b + 1)·d), <paramref name="count"/> ≤ <see cref="Block"/>.
    /// </summary>
    public static void AddBlock(ReadOnlySpan<double> zRows, int count, Matrix gram) => AddBlock(VectorWidth.Current, zRows, count, gram);

    /// <summary><see cref="AddBlock(ReadOnlySpan{double}, int, Matrix)"/> at a given width (tests run every width).</summary>
    internal static void AddBlock(SimdWidth width, ReadOnlySpan<double> zRows, int count, Matrix gram)
    {
        ArgumentNullException.ThrowIfNull(gram);
        int d = gram.Columns;
        for (int s = 0; s < d; s++)
        {
            Span<double> row = gram.Row(s);
            int t = 0;
            if (width == SimdWidth.Vector512)
            {
                for (; t + 8 <= s + 1; t += 8)
                {
                    Vector512<double> g = Vector512.Create<double>(row.Slice(t, 8));
                    for (int b = 0; b < count; b++)
                    {
                        g += Vector512.Create<double>(zRows.Slice((b * d) + t, 8)) * zRows[(b * d) + s];
                    }
                    g.CopyTo(row.Slice(t, 8));
                }
            }
            if (width >= SimdWidth.Vector256)
            {
                for (; t + 4 <= s + 1; t += 4)
                {
                    Vector256<double> g = Vector256.Create<double>(row.Slice(t, 4));
                    for (int b = 0; b < count; b++)
                    {
                        g += Vector256.Create<double>(zRows.Slice((b * d) + t, 4)) * zRows[(b * d) + s];
                    }
                    g.CopyTo(row.Slice(t, 4));
                }
            }
            for (; t <= s; t++)
            {
                double g = row[t];
                for (int b = 0; b < count; b++)
                {
                    g += zRows[(b * d) + t] * zRows[(b * d) + s];
                }
                row[t] = g;
            }
        }
    }
}
