using Parquet;
using Parquet.Meta;
using Parquet.Schema;
using ReferenceSolutions.Core.Data;
using Type = System.Type;

namespace ReferenceSolutions.Recommender.Ratings;

/// <summary>
/// Reads ratings from an Apache Parquet file (Parquet.Net), to the same <see cref="RatingSet"/> the CSV readers give
/// for the same ratings. A file is Parquet when its first and last four bytes are the format's magic <c>PAR1</c>,
/// whatever its name.
/// <list type="bullet">
/// <item>Columns: top-level <c>userId</c>, <c>movieId</c> and <c>rating</c>, matched by exact name as in the CSV
/// header; any other column (e.g. <c>timestamp</c>) is never read, whatever its type.</item>
/// <item>Types: the ids INT32 or INT64, unannotated or with an integer annotation (INT(8|16|32|64, signed or not)),
/// read exactly as 64-bit integers (an unsigned 64-bit id above 2⁶³ − 1 is refused, as the CSV reader refuses the
/// text); the rating INT32, INT64 (likewise), FLOAT or DOUBLE, converted to double (exact for FLOAT and for integers up
/// to 2⁵³, and any larger one is outside [−10⁶, 10⁶] anyway). Any other type (BYTE_ARRAY strings, BOOLEAN, DECIMAL,
/// FLOAT16, dates, times, timestamps, lists, structs) is refused naming the column and its type.</item>
/// <item>Values: REQUIRED or OPTIONAL columns; a null, a non-finite rating or |r| &gt; 10⁶ is refused, as is a repeated
/// (user, item) pair and a file without rows.</item>
/// </list>
/// Errors are one line, <c>FILE: row R (row group G): column 'c': what</c>, rows counted from 0 over the whole file
/// (pandas' index after <c>read_parquet</c>) and row groups from 0 (pyarrow's <c>read_row_group(G)</c>); when a row
/// group holds several bad values, the first row is reported, and within it userId before movieId before rating, as
/// the CSV reader checks them. Memory: the ratings (24 bytes each, sized from the footer's row count), into which
/// INT64 ids and DOUBLE ratings are decoded in place, row group after row group; beside them only one column chunk at a
/// time — Parquet.Net's page buffers, the definition levels of an OPTIONAL column (4 bytes a row) and, for any other
/// type, the values as stored before conversion. Buffers are sized by the row counts the footer declares (Parquet.Net
/// decodes a column chunk into a buffer of its declared length), so a corrupt footer declaring more rows than memory
/// holds is refused as such rather than read.
/// </summary>
internal static class ParquetRatingsReader
{
    private static readonly byte[] Magic = "PAR1"u8.ToArray();

    /// <summary>
    /// True when <paramref name="path"/> is a file whose first four bytes are <c>PAR1</c>; false when it is not, or
    /// cannot be opened (the CSV reader then reports why).
    /// </summary>
    public static bool StartsWithMagic(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            Span<byte> head = stackalloc byte[4];
            return stream.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && head.SequenceEqual(Magic);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The ratings of the Parquet file <paramref name="path"/>; any bad value is a <see cref="DataFormatException"/>.</summary>
    public static RatingSet Read(string path)
    {
        RequireTrailingMagic(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        ParquetReader reader = Library(path, () => ParquetReader.CreateAsync(stream, leaveStreamOpen: true).GetAwaiter().GetResult());
        try
        {
            return Read(path, reader, stream.Length);
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static RatingSet Read(string path, ParquetReader reader, long fileLength)
    {
        ParquetSchema schema = Library(path, () => reader.Schema);
        DataField user = Column(path, schema, "userId", ratingAllowed: false);
        DataField item = Column(path, schema, "movieId", ratingAllowed: false);
        DataField rating = Column(path, schema, "rating", ratingAllowed: true);
        long total = reader.Metadata?.NumRows ?? 0;
        if (total > Array.MaxLength)
        {
            throw new DataFormatException(path, null, null, $"has {total:N0} rows; at most {Array.MaxLength:N0} ratings are read");
        }
        var rows = new RatingRows((int)Math.Min(total, Math.Max(1024, fileLength)), positions: false);
        var groupOfRow = new List<(long FirstRow, int Group)>();
        long firstRow = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            ParquetRowGroupReader group = Library(path, () => reader.OpenRowGroupReader(g));
            if (firstRow + group.RowCount > Array.MaxLength)
            {
                throw new DataFormatException(path, null, null, $"row group {g} ends past row {Array.MaxLength:N0}; at most that many ratings are read");
            }
            int count = (int)group.RowCount;
            Bad? bad;
            try
            {
                int start = rows.Reserve(count);
                bad = new[]
                {
                    Ids(path, group, user, rows.Users.AsMemory(start, count)),
                    Ids(path, group, item, rows.Items.AsMemory(start, count)),
                    Ratings(path, group, rating, rows.Values.AsMemory(start, count)),
                }.Where(b => b is not null).OrderBy(b => b!.Row).FirstOrDefault();
            }
            catch (OutOfMemoryException)
            {
                throw new DataFormatException(path, null, null, $"row group {g} declares {count:N0} rows, more than this machine's memory holds beside the {firstRow:N0} read before it");
            }
            if (bad is not null)
            {
                throw new DataFormatException(path, null, null, $"row {firstRow + bad.Row} (row group {g}): column '{bad.Column}': {bad.What}");
            }
            rows.Commit(count);
            groupOfRow.Add((firstRow, g));
            firstRow += count;
        }
        if (rows.Count == 0)
        {
            throw new DataFormatException(path, null, null, "has the columns userId, movieId and rating but no rows");
        }
        return rows.ToRatingSet(path, (repeat, first, u, i) => new DataFormatException(path, null, null,
            $"row {repeat} (row group {groupOfRow.Last(s => s.FirstRow <= repeat).Group}): user {u} rates item {i} twice (first on row {first})"));
    }

    /// <summary>A file that starts with <c>PAR1</c> must end with it too (a copy cut short does not).</summary>
    private static void RequireTrailingMagic(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        Span<byte> tail = stackalloc byte[4];
        if (stream.Length < 12)
        {
            throw new DataFormatException(path, null, null, $"starts with Parquet's magic bytes PAR1 but is {stream.Length} bytes long, too short for a Parquet file");
        }
        stream.Seek(-4, SeekOrigin.End);
        stream.ReadExactly(tail);
        if (!tail.SequenceEqual(Magic))
        {
            throw new DataFormatException(path, null, null, "starts with Parquet's magic bytes PAR1 but does not end with them: not a whole Parquet file (cut short?)");
        }
    }

    /// <summary>The top-level column <paramref name="name"/>, refused unless it holds one number of an accepted type per row.</summary>
    private static DataField Column(string path, ParquetSchema schema, string name, bool ratingAllowed)
    {
        Field? field = schema.Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal))
            ?? throw new DataFormatException(path, null, null, $"no column '{name}' (columns: {string.Join(", ", schema.Fields.Select(f => f.Name))})");
        string expected = ratingAllowed ? "INT32, INT64 (plain or integer-annotated), FLOAT or DOUBLE" : "INT32 or INT64 (plain or integer-annotated)";
        if (field is not DataField data || data.IsArray || data.MaxRepetitionLevel > 0)
        {
            throw new DataFormatException(path, null, $"'{name}'", $"is a {field.SchemaType.ToString().ToLowerInvariant()} column, expected one {expected} value per row");
        }
        SchemaElement? element = data.SchemaElement;
        bool time = element?.LogicalType?.TIME is not null || element?.ConvertedType is ConvertedType.TIME_MILLIS or ConvertedType.TIME_MICROS;
        bool accepted = !time && (IsInteger(data.ClrType) || (ratingAllowed && (data.ClrType == typeof(float) || data.ClrType == typeof(double))));
        if (!accepted)
        {
            string annotation = element?.LogicalType is not null ? $" ({LogicalName(element.LogicalType)})" : element?.ConvertedType is ConvertedType c ? $" ({c})" : "";
            throw new DataFormatException(path, null, $"'{name}'", $"is {element?.Type?.ToString() ?? "of no physical type"}{annotation}, expected {expected}");
        }
        return data;
    }

    private static bool IsInteger(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(sbyte)
        || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(byte);

    private static string LogicalName(LogicalType logical) =>
        typeof(LogicalType).GetProperties().FirstOrDefault(p => p.GetValue(logical) is not null)?.Name ?? "annotated";

    /// <summary>An id column of one row group into <paramref name="target"/> as 64-bit integers; its first bad row, if any.</summary>
    private static Bad? Ids(string path, ParquetRowGroupReader group, DataField field, Memory<long> target)
    {
        Type t = field.ClrType;
        return t == typeof(long) ? Direct(path, group, field, target)
            : t == typeof(int) ? Convert<int, long>(path, group, field, target, v => v)
            : t == typeof(short) ? Convert<short, long>(path, group, field, target, v => v)
            : t == typeof(sbyte) ? Convert<sbyte, long>(path, group, field, target, v => v)
            : t == typeof(uint) ? Convert<uint, long>(path, group, field, target, v => v)
            : t == typeof(ushort) ? Convert<ushort, long>(path, group, field, target, v => v)
            : t == typeof(byte) ? Convert<byte, long>(path, group, field, target, v => v)
            : Convert<ulong, long>(path, group, field, target, v => v <= long.MaxValue ? (long)v : null, v => $"{v} is not a 64-bit integer id");
    }

    /// <summary>
    /// A rating column of one row group into <paramref name="target"/> as doubles; its first bad row (a null, a
    /// non-finite value or |r| &gt; 10⁶), if any.
    /// </summary>
    private static Bad? Ratings(string path, ParquetRowGroupReader group, DataField field, Memory<double> target)
    {
        Type t = field.ClrType;
        Bad? bad = t == typeof(double) ? Direct(path, group, field, target)
            : t == typeof(float) ? Convert<float, double>(path, group, field, target, v => v)
            : t == typeof(int) ? Convert<int, double>(path, group, field, target, v => v)
            : t == typeof(long) ? Convert<long, double>(path, group, field, target, v => v)
            : t == typeof(short) ? Convert<short, double>(path, group, field, target, v => v)
            : t == typeof(sbyte) ? Convert<sbyte, double>(path, group, field, target, v => v)
            : t == typeof(uint) ? Convert<uint, double>(path, group, field, target, v => v)
            : t == typeof(ushort) ? Convert<ushort, double>(path, group, field, target, v => v)
            : t == typeof(byte) ? Convert<byte, double>(path, group, field, target, v => v)
            : Convert<ulong, double>(path, group, field, target, v => v);
        Span<double> values = target.Span[..(bad?.Row ?? target.Length)];
        for (int r = 0; r < values.Length; r++)
        {
            double v = values[r];
            if (!double.IsFinite(v))
            {
                return new Bad(r, field.Name, $"{Format(v)} is not a finite rating");
            }
            if (Math.Abs(v) > RatingsFile.MaxAbsRating)
            {
                return new Bad(r, field.Name, $"{Format(v)} is outside the ratings accepted, [−10⁶, 10⁶]");
            }
        }
        return bad;
    }

    private static string Format(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads a column whose stored type is the target's straight into <paramref name="target"/>; its first null, if
    /// any (the values after a null are then packed, but the null is reported and they are not used).
    /// </summary>
    private static Bad? Direct<T>(string path, ParquetRowGroupReader group, DataField field, Memory<T> target)
        where T : struct
    {
        int[]? levels = Read(path, group, field, target);
        return FirstNull(field, levels);
    }

    /// <summary>
    /// Reads one column chunk as <typeparamref name="TStored"/> and converts each value into
    /// <paramref name="target"/>; a null, or a value <paramref name="convert"/> cannot map, is the chunk's bad row.
    /// </summary>
    private static Bad? Convert<TStored, TValue>(string path, ParquetRowGroupReader group, DataField field, Memory<TValue> target,
        Func<TStored, TValue?> convert, Func<TStored, string>? unmapped = null)
        where TStored : struct
        where TValue : struct
    {
        TStored[] stored = new TStored[target.Length];
        int[]? levels = Read(path, group, field, stored.AsMemory());
        Bad? firstNull = FirstNull(field, levels);
        Span<TValue> values = target.Span;
        int end = firstNull?.Row ?? values.Length;
        for (int r = 0; r < end; r++)
        {
            if (convert(stored[r]) is not TValue converted)
            {
                return new Bad(r, field.Name, unmapped!(stored[r]));
            }
            values[r] = converted;
        }
        return firstNull;
    }

    /// <summary>Reads one column chunk into <paramref name="values"/>; its definition levels when the column is OPTIONAL.</summary>
    private static int[]? Read<T>(string path, ParquetRowGroupReader group, DataField field, Memory<T> values)
        where T : struct
    {
        int[]? levels = field.MaxDefinitionLevel > 0 ? new int[values.Length] : null;
        Library(path, () =>
        {
            group.ReadRawAsync(field, values, levels is null ? (Memory<int>?)null : levels.AsMemory(), null).AsTask().GetAwaiter().GetResult();
            return 0;
        });
        return levels;
    }

    /// <summary>The first row whose definition level says null (values before it are in place, unpacked).</summary>
    private static Bad? FirstNull(DataField field, int[]? levels)
    {
        int r = levels is null ? -1 : Array.FindIndex(levels, level => level < field.MaxDefinitionLevel);
        return r < 0 ? null : new Bad(r, field.Name, "null, expected a value");
    }

    /// <summary>
    /// Runs a Parquet.Net call. A corrupt file reaches the library's decoders (Thrift footer, page headers, encodings,
    /// codecs) with bytes they cannot hold, and what they throw then varies with the bytes (ParquetException,
    /// ThriftProtocolException, IOException, index and argument errors): anything but running out of memory is reported
    /// as the file's one-line error, in Parquet.Net's words.
    /// </summary>
    private static T Library<T>(string path, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (e is not OutOfMemoryException and not UserInputException)
        {
            throw new DataFormatException(path, null, null, $"Parquet.Net cannot read it: {Echo.Message(e.Message)}");
        }
    }

    /// <summary>The first bad value of one column chunk: its row in the row group, the column, what is wrong.</summary>
    private sealed record Bad(int Row, string Column, string What);
}
