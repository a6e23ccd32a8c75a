using Parquet;
using Parquet.Schema;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>
/// Writes test Parquet files column by column with Parquet.Net's low-level writer, so that a test chooses each column's
/// type and nullability (a <c>uint[]</c> also matches <c>int[]</c> at run time, so the unsigned arrays are matched first): <c>long[]</c>, <c>int[]</c>, <c>uint[]</c>, <c>ulong[]</c>, <c>short[]</c>, <c>double[]</c>,
/// <c>float[]</c> (REQUIRED), <c>long?[]</c>, <c>int?[]</c>, <c>double?[]</c> (OPTIONAL) and <c>string[]</c>.
/// </summary>
internal static class ParquetFiles
{
    /// <summary>A column: its name and its values, one per row.</summary>
    public sealed record Column(string Name, Array Values)
    {
        public DataField Field { get; } = new(Name, Values.GetType().GetElementType()!);
    }

    /// <summary>A REQUIRED INT64 column.</summary>
    public static Column Longs(string name, params long[] values) => new(name, values);

    /// <summary>An OPTIONAL INT64 column.</summary>
    public static Column NullableLongs(string name, params long?[] values) => new(name, values);

    /// <summary>A REQUIRED INT64 column with the unsigned 64-bit integer annotation.</summary>
    public static Column ULongs(string name, params ulong[] values) => new(name, values);

    /// <summary>A REQUIRED DOUBLE column.</summary>
    public static Column Doubles(string name, params double[] values) => new(name, values);

    /// <summary>An OPTIONAL DOUBLE column.</summary>
    public static Column NullableDoubles(string name, params double?[] values) => new(name, values);

    /// <summary>A REQUIRED BYTE_ARRAY (STRING) column.</summary>
    public static Column Strings(string name, params string[] values) => new(name, values);

    /// <summary>Writes the columns (all of one length) in row groups of <paramref name="rowGroupRows"/> rows to a fresh temporary file.</summary>
    public static string Temp(int rowGroupRows, params Column[] columns) =>
        Write(Path.Combine(Path.GetTempPath(), $"refsol-recommender-{Guid.NewGuid():N}.parquet"), rowGroupRows, columns);

    /// <summary>Writes the columns to <paramref name="path"/> and returns it.</summary>
    public static string Write(string path, int rowGroupRows, params Column[] columns)
    {
        int rows = columns[0].Values.Length;
        using (var stream = new FileStream(path, FileMode.Create))
        {
            ParquetWriter writer = ParquetWriter.CreateAsync(new ParquetSchema(columns.Select(c => c.Field)), stream).GetAwaiter().GetResult();
            for (int start = 0; start < rows; start += rowGroupRows)
            {
                int count = Math.Min(rowGroupRows, rows - start);
                using ParquetRowGroupWriter group = writer.CreateRowGroup();
                foreach (Column column in columns)
                {
                    WriteColumn(group, column.Field, column.Values, start, count).GetAwaiter().GetResult();
                }
            }
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        return path;
    }

    private static Task WriteColumn(ParquetRowGroupWriter group, DataField field, Array values, int start, int count) => values switch
    {
        uint[] a when a.GetType() == typeof(uint[]) => group.WriteAsync(field, new ReadOnlyMemory<uint>(a, start, count)),
        ulong[] a when a.GetType() == typeof(ulong[]) => group.WriteAsync(field, new ReadOnlyMemory<ulong>(a, start, count)),
        long[] a => group.WriteAsync(field, new ReadOnlyMemory<long>(a, start, count)),
        int[] a => group.WriteAsync(field, new ReadOnlyMemory<int>(a, start, count)),
        short[] a => group.WriteAsync(field, new ReadOnlyMemory<short>(a, start, count)),
        double[] a => group.WriteAsync(field, new ReadOnlyMemory<double>(a, start, count)),
        float[] a => group.WriteAsync(field, new ReadOnlyMemory<float>(a, start, count)),
        long?[] a => group.WriteAsync(field, new ReadOnlyMemory<long?>(a, start, count)),
        int?[] a => group.WriteAsync(field, new ReadOnlyMemory<int?>(a, start, count)),
        double?[] a => group.WriteAsync(field, new ReadOnlyMemory<double?>(a, start, count)),
        string[] a => group.WriteAsync(field, a.AsSpan(start, count).ToArray()),
        _ => throw new ArgumentException($"no writer for {values.GetType()}"),
    };
}
