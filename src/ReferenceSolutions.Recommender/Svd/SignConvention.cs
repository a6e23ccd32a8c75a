using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.Recommender.Svd;

/// <summary>
/// The one sign convention of this solution: each right singular vector (column j of V; for PCA, each principal axis)
/// has its largest-magnitude entry positive (the first such entry on exact ties); the paired left vector flips with it,
/// so U·diag(S)·Vᵀ is unchanged.
/// </summary>
public static class SignConvention
{
    /// <summary>Flips columns of <paramref name="v"/> (and the same columns of <paramref name="u"/>, when given) in place.</summary>
    public static void Apply(Matrix? u, Matrix v)
    {
        ArgumentNullException.ThrowIfNull(v);
        for (int j = 0; j < v.Columns; j++)
        {
            int best = 0;
            for (int i = 1; i < v.Rows; i++)
            {
                if (Math.Abs(v[i, j]) > Math.Abs(v[best, j]))
                {
                    best = i;
                }
            }
            if (v.Rows > 0 && v[best, j] < 0.0)
            {
                FlipColumn(v, j);
                if (u is not null)
                {
                    FlipColumn(u, j);
                }
            }
        }
    }

    /// <summary>Flips each row of <paramref name="rows"/> so that its largest-magnitude entry is positive.</summary>
    public static void ApplyToRows(Matrix rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        for (int i = 0; i < rows.Rows; i++)
        {
            Span<double> row = rows.Row(i);
            int best = 0;
            for (int j = 1; j < row.Length; j++)
            {
                if (Math.Abs(row[j]) > Math.Abs(row[best]))
                {
                    best = j;
                }
            }
            if (row.Length > 0 && row[best] < 0.0)
            {
                for (int j = 0; j < row.Length; j++)
                {
                    row[j] = -row[j];
                }
            }
        }
    }

    private static void FlipColumn(Matrix a, int j)
    {
        for (int i = 0; i < a.Rows; i++)
        {
            a[i, j] = -a[i, j];
        }
    }
}
