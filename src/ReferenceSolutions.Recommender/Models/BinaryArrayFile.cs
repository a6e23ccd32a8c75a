using System.Buffers.Binary;
using System.Runtime.InteropServices;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Output;

namespace ReferenceSolutions.Recommender.Models;

/// <summary>
/// The recommender's binary side file (<c>refsol-array</c>, version 1) for tables too large for JSON: a 32-byte header
/// then the values, all little-endian.
/// <code>
/// offset  size  field
///      0     8  magic    ASCII "RSARRAY\0" (52 53 41 52 52 41 59 00)
///      8     4  version  uint32, 1
///     12     4  type     uint32, 1 = float64 (IEEE-754 binary64), 2 = int32
///     16     8  rows     int64 ≥ 0
///     24     8  columns  int64 ≥ 0
///     32   r·c  values   row-major: entry (i, j) at 32 + (i·columns + j)·size, size 8 (float64) or 4 (int32)
/// </code>
/// The file is exactly 32 + rows·columns·size bytes. A reader states what it expects (type, and the rows and columns the
/// model's JSON gives) and every mismatch — magic, version, type, either size, a short or long file — is a
/// <see cref="DataFormatException"/> naming the file and the field.
/// </summary>
public static class BinaryArrayFile
{
    /// <summary>The header's size in bytes.</summary>
    public const int HeaderBytes = 32;

    /// <summary>The layout's version.</summary>
    public const uint Version = 1;

    /// <summary>The type code of float64 values.</summary>
    public const uint Float64 = 1;

    /// <summary>The type code of int32 values.</summary>
    public const uint Int32 = 2;

    /// <summary>The 8 magic bytes, ASCII <c>RSARRAY</c> and a zero byte.</summary>
    public static ReadOnlySpan<byte> Magic => "RSARRAY\0"u8;

    /// <summary>Writes <paramref name="values"/> (row-major, rows×columns) as float64, atomically.</summary>
    public static void WriteDoubles(string path, long rows, long columns, ReadOnlySpan<double> values) =>
        Write(path, Float64, rows, columns, MemoryMarshal.AsBytes(values).ToArray(), sizeof(double));

    /// <summary>Writes <paramref name="values"/> (row-major, rows×columns) as int32, atomically.</summary>
    public static void WriteInts(string path, long rows, long columns, ReadOnlySpan<int> values) =>
        Write(path, Int32, rows, columns, MemoryMarshal.AsBytes(values).ToArray(), sizeof(int));

    /// <summary>Reads a float64 table of <paramref name="rows"/>×<paramref name="columns"/> values (row-major).</summary>
    public static double[] ReadDoubles(string path, long rows, long columns)
    {
        byte[] body = Read(path, Float64, rows, columns, sizeof(double));
        double[] values = new double[rows * columns];
        for (long t = 0; t < values.Length; t++)
        {
            values[t] = BinaryPrimitives.ReadDoubleLittleEndian(body.AsSpan((int)(HeaderBytes + (t * sizeof(double)))));
        }
        return values;
    }

    /// <summary>Reads an int32 table of <paramref name="rows"/>×<paramref name="columns"/> values (row-major).</summary>
    public static int[] ReadInts(string path, long rows, long columns)
    {
        byte[] body = Read(path, Int32, rows, columns, sizeof(int));
        int[] values = new int[rows * columns];
        for (long t = 0; t < values.Length; t++)
        {
            values[t] = BinaryPrimitives.ReadInt32LittleEndian(body.AsSpan((int)(HeaderBytes + (t * sizeof(int)))));
        }
        return values;
    }

    private static void Write(string path, uint type, long rows, long columns, byte[] values, int size)
    {
        if (rows < 0 || columns < 0 || rows * columns * size != values.Length)
        {
            throw new ArgumentException($"{rows}×{columns} values of {size} bytes do not fill {values.Length} bytes");
        }
        byte[] header = new byte[HeaderBytes];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), Version);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(12), type);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(16), rows);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(24), columns);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("refsol-array files are written on little-endian machines only");
        }
        AtomicFile.Write(path, stream =>
        {
            stream.Write(header);
            stream.Write(values);
        });
    }

    private static byte[] Read(string path, uint type, long rows, long columns, int size)
    {
        if (!File.Exists(path))
        {
            throw new DataFormatException(path, null, null, "file not found (listed by the model's manifest)");
        }
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length < HeaderBytes)
        {
            throw new DataFormatException(path, null, "'header'", $"truncated: {bytes.Length} bytes, a refsol-array header is {HeaderBytes}");
        }
        CheckHeader(path, bytes, type);
        long fileRows = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(16));
        long fileColumns = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(24));
        if (fileRows != rows)
        {
            throw new DataFormatException(path, null, "'rows'", $"is {fileRows}, the model's JSON expects {rows}");
        }
        if (fileColumns != columns)
        {
            throw new DataFormatException(path, null, "'columns'", $"is {fileColumns}, the model's JSON expects {columns}");
        }
        long expected = HeaderBytes + (rows * columns * size);
        if (bytes.Length != expected)
        {
            throw new DataFormatException(path, null, "'values'", bytes.Length < expected
                ? $"truncated: {bytes.Length} bytes, {rows}×{columns} values need {expected}"
                : $"{bytes.Length - expected} bytes beyond the {rows}×{columns} values ({expected} bytes)");
        }
        return bytes;
    }

    private static void CheckHeader(string path, ReadOnlySpan<byte> header, uint type)
    {
        if (!header[..8].SequenceEqual(Magic))
        {
            throw new DataFormatException(path, null, "'magic'", "is not RSARRAY\\0: not a refsol-array file");
        }
        uint version = BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
        if (version != Version)
        {
            throw new DataFormatException(path, null, "'version'", $"is {version}; this build reads version {Version}");
        }
        uint fileType = BinaryPrimitives.ReadUInt32LittleEndian(header[12..]);
        if (fileType != type)
        {
            throw new DataFormatException(path, null, "'type'", $"is {fileType}, expected {type} ({(type == Float64 ? "float64" : "int32")})");
        }
    }
}
