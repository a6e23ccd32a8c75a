namespace ReferenceSolutions.Core.LinearAlgebra;

/// <summary>
/// Triangular solves by substitution, for n×n triangular T and right-hand side b of length n (or B: n×r, column by column).
/// Forward: xᵢ = (bᵢ − Σ_{j&lt;i} Lᵢⱼxⱼ) / Lᵢᵢ. Backward: xᵢ = (bᵢ − Σ_{j&gt;i} Uᵢⱼxⱼ) / Uᵢᵢ.
/// Derivation: docs/core.md#triangular-solves.
/// </summary>
public static class Triangular
{
    /// <summary>Solves L·x = b, L lower triangular (entries above the diagonal are ignored).</summary>
    public static double[] SolveLower(Matrix lower, ReadOnlySpan<double> b)
    {
        int n = CheckSystem(lower, b.Length);
        var x = b.ToArray();
        for (int i = 0; i < n; i++)
        {
            Span<double> row = lower.Row(i);
            double sum = x[i];
            for (int j = 0; j < i; j++)
            {
                sum -= row[j] * x[j];
            }
            x[i] = sum / Pivot(row[i], i);
        }
        return x;
    }

    /// <summary>Solves U·x = b, U upper triangular (entries below the diagonal are ignored).</summary>
    public static double[] SolveUpper(Matrix upper, ReadOnlySpan<double> b)
    {
        int n = CheckSystem(upper, b.Length);
        var x = b.ToArray();
        for (int i = n - 1; i >= 0; i--)
        {
            Span<double> row = upper.Row(i);
            double sum = x[i];
            for (int j = i + 1; j < n; j++)
            {
                sum -= row[j] * x[j];
            }
            x[i] = sum / Pivot(row[i], i);
        }
        return x;
    }

    /// <summary>Solves Lᵀ·x = b with L lower triangular, without forming Lᵀ (the second half of a Cholesky solve).</summary>
    public static double[] SolveLowerTransposed(Matrix lower, ReadOnlySpan<double> b)
    {
        int n = CheckSystem(lower, b.Length);
        var x = b.ToArray();
        for (int i = n - 1; i >= 0; i--)
        {
            x[i] /= Pivot(lower[i, i], i);
            double xi = x[i];
            Span<double> row = lower.Row(i);
            for (int j = 0; j < i; j++)
            {
                x[j] -= row[j] * xi;
            }
        }
        return x;
    }

    /// <summary>Solves L·X = B column by column; B: n×r.</summary>
    public static Matrix SolveLower(Matrix lower, Matrix b) => ByColumns(b, column => SolveLower(lower, column));

    /// <summary>Solves U·X = B column by column; B: n×r.</summary>
    public static Matrix SolveUpper(Matrix upper, Matrix b) => ByColumns(b, column => SolveUpper(upper, column));

    private static Matrix ByColumns(Matrix b, Func<double[], double[]> solve)
    {
        ArgumentNullException.ThrowIfNull(b);
        var x = new Matrix(b.Rows, b.Columns);
        for (int j = 0; j < b.Columns; j++)
        {
            double[] solution = solve(b.Column(j));
            for (int i = 0; i < b.Rows; i++)
            {
                x[i, j] = solution[i];
            }
        }
        return x;
    }

    private static double Pivot(double diagonal, int i)
    {
        if (diagonal == 0.0 || !double.IsFinite(diagonal))
        {
            throw new LinearAlgebraException($"triangular matrix is singular: diagonal element {i} is {diagonal}");
        }
        return diagonal;
    }

    private static int CheckSystem(Matrix t, int length)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (t.Rows != t.Columns || t.Rows != length)
        {
            throw new ArgumentException($"a {t.Rows}×{t.Columns} triangular system cannot take a right-hand side of length {length}");
        }
        return t.Rows;
    }
}
