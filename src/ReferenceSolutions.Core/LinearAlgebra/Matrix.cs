namespace ReferenceSolutions.Core.LinearAlgebra;

/// <summary>
/// Dense row-major m×n matrix of doubles: element (i, j) is stored at <c>Data[i·n + j]</c>.
/// Rows are contiguous, so <see cref="Row"/> is a span over storage, not a copy.
/// Derivation: docs/core.md#dense-matrices.
/// </summary>
public sealed class Matrix
{
    /// <summary>An m×n matrix of zeros.</summary>
    public Matrix(int rows, int columns)
        : this(rows, columns, new double[checked(CheckShape(rows, columns) * columns)])
    {
    }

    /// <summary>Wraps <paramref name="data"/> (length m·n, row-major) without copying.</summary>
    public Matrix(int rows, int columns, double[] data)
    {
        CheckShape(rows, columns);
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length != (long)rows * columns)
        {
            throw new ArgumentException($"data has {data.Length} elements, a {rows}×{columns} matrix needs {(long)rows * columns}", nameof(data));
        }
        Rows = rows;
        Columns = columns;
        Data = data;
    }

    /// <summary>m, the number of rows.</summary>
    public int Rows { get; }

    /// <summary>n, the number of columns.</summary>
    public int Columns { get; }

    /// <summary>Row-major storage, length m·n.</summary>
    public double[] Data { get; }

    /// <summary>Element (i, j), by reference.</summary>
    public ref double this[int i, int j]
    {
        get
        {
            if ((uint)i >= (uint)Rows || (uint)j >= (uint)Columns)
            {
                throw new ArgumentOutOfRangeException(null, $"({i}, {j}) is outside a {Rows}×{Columns} matrix");
            }
            return ref Data[(i * Columns) + j];
        }
    }

    /// <summary>The n × n identity.</summary>
    public static Matrix Identity(int n)
    {
        var identity = new Matrix(n, n);
        for (int i = 0; i < n; i++)
        {
            identity.Data[(i * n) + i] = 1.0;
        }
        return identity;
    }

    /// <summary>Copies jagged rows (all of one length) into a matrix.</summary>
    public static Matrix FromRows(IReadOnlyList<IReadOnlyList<double>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int columns = rows.Count == 0 ? 0 : rows[0].Count;
        var matrix = new Matrix(rows.Count, columns);
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Count != columns)
            {
                throw new ArgumentException($"row {i} has {rows[i].Count} elements, row 0 has {columns}", nameof(rows));
            }
            for (int j = 0; j < columns; j++)
            {
                matrix.Data[(i * columns) + j] = rows[i][j];
            }
        }
        return matrix;
    }

    /// <summary>Row i as a span over storage (length n).</summary>
    public Span<double> Row(int i)
    {
        if ((uint)i >= (uint)Rows)
        {
            throw new ArgumentOutOfRangeException(null, $"row {i} is outside a {Rows}×{Columns} matrix");
        }
        return Data.AsSpan(i * Columns, Columns);
    }

    /// <summary>All of storage, row-major.</summary>
    public Span<double> AsSpan() => Data;

    /// <summary>Column j, copied (length m).</summary>
    public double[] Column(int j)
    {
        var column = new double[Rows];
        for (int i = 0; i < Rows; i++)
        {
            column[i] = this[i, j];
        }
        return column;
    }

    /// <summary>Aᵀ, n×m, in new storage.</summary>
    public Matrix Transpose()
    {
        var t = new Matrix(Columns, Rows);
        const int block = 32;
        for (int i0 = 0; i0 < Rows; i0 += block)
        {
            for (int j0 = 0; j0 < Columns; j0 += block)
            {
                int iEnd = Math.Min(i0 + block, Rows);
                int jEnd = Math.Min(j0 + block, Columns);
                for (int i = i0; i < iEnd; i++)
                {
                    for (int j = j0; j < jEnd; j++)
                    {
                        t.Data[(j * Rows) + i] = Data[(i * Columns) + j];
                    }
                }
            }
        }
        return t;
    }

    /// <summary>A deep copy.</summary>
    public Matrix Clone() => new(Rows, Columns, (double[])Data.Clone());

    /// <summary>Rows as jagged arrays (for JSON and display).</summary>
    public double[][] ToRowArrays()
    {
        var rows = new double[Rows][];
        for (int i = 0; i < Rows; i++)
        {
            rows[i] = Row(i).ToArray();
        }
        return rows;
    }

    /// <summary>C = A·B through the blocked kernel.</summary>
    public static Matrix operator *(Matrix a, Matrix b) => Gemm.Multiply(a, b);

    /// <summary>
    /// Throws an <see cref="ArgumentException"/> for the parameter <paramref name="name"/> unless
    /// <paramref name="other"/> is also Rows×Columns (null: <see cref="ArgumentNullException"/>).
    /// </summary>
    public void RequireSameShape(Matrix other, string name)
    {
        ArgumentNullException.ThrowIfNull(other, name);
        if (other.Rows != Rows || other.Columns != Columns)
        {
            throw new ArgumentException($"shapes differ: {name} is {other.Rows}×{other.Columns}, expected {Rows}×{Columns}", name);
        }
    }

    /// <summary>Element-wise A + B.</summary>
    public static Matrix operator +(Matrix a, Matrix b) => Combine(a, b, 1.0);

    /// <summary>Element-wise A − B.</summary>
    public static Matrix operator -(Matrix a, Matrix b) => Combine(a, b, -1.0);

    /// <summary>s·A.</summary>
    public static Matrix operator *(double s, Matrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var result = new Matrix(a.Rows, a.Columns);
        System.Numerics.Tensors.TensorPrimitives.Multiply(a.Data, s, result.Data);
        return result;
    }

    /// <summary>A·x for a vector x of length n; the result has length m.</summary>
    public double[] Multiply(ReadOnlySpan<double> x)
    {
        if (x.Length != Columns)
        {
            throw new ArgumentException($"a {Rows}×{Columns} matrix cannot multiply a vector of length {x.Length}", nameof(x));
        }
        var y = new double[Rows];
        for (int i = 0; i < Rows; i++)
        {
            y[i] = System.Numerics.Tensors.TensorPrimitives.Dot(Row(i), x);
        }
        return y;
    }

    /// <inheritdoc/>
    public override string ToString() => $"Matrix {Rows}×{Columns}";

    private static Matrix Combine(Matrix a, Matrix b, double sign)
    {
        ArgumentNullException.ThrowIfNull(a);
        a.RequireSameShape(b, nameof(b));
        var result = new Matrix(a.Rows, a.Columns);
        System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(b.Data, sign, a.Data, result.Data);
        return result;
    }

    private static int CheckShape(int rows, int columns)
    {
        if (rows < 0 || columns < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), $"a matrix cannot be {rows}×{columns}");
        }
        return rows;
    }
}
