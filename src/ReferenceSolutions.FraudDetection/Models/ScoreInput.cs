using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.FraudDetection.Models;

/// <summary>
/// The rows <c>refsol score fraud</c> scores: a CSV in the training layout, read by column name into X (n×d) in the
/// models' feature order. The label and time columns the models were saved with may be present and are ignored; a
/// missing feature, any other column or no data row is a <see cref="DataFormatException"/> naming the file and column.
/// </summary>
internal static class ScoreInput
{
    /// <summary>X (n×d) of <paramref name="path"/> for <paramref name="input"/>'s features.</summary>
    public static Matrix Read(string path, SavedInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CsvTable table = CsvTable.Read(path, hasHeader: true);
        IReadOnlyList<string> header = table.Header!;
        string[] ignored = input.TimeColumn is null ? [input.Label] : [input.Label, input.TimeColumn];
        foreach (string column in header)
        {
            if (!input.Features.Contains(column) && !ignored.Contains(column))
            {
                throw new DataFormatException(path, 1, $"'{Echo.Value(column)}'", $"is not a column the models take (their {input.Features.Count} features, and '{string.Join("', '", ignored)}', which is ignored)");
            }
        }
        int[] columns = [.. input.Features.Select(f => header.Contains(f)
            ? table.ColumnIndex(f)
            : throw new DataFormatException(path, 1, $"'{Echo.Value(f)}'", "is missing: the models need every feature they were trained on"))];
        if (table.RowCount == 0)
        {
            throw new DataFormatException(path, null, null, "has no rows to score");
        }
        return table.ToMatrix(columns);
    }
}
