using ReferenceSolutions.Core.Data;
using ReferenceSolutions.FraudDetection.Data;

namespace ReferenceSolutions.FraudDetection.Tests;

/// <summary>Bad input is refused with the file, line and column; the generator and the split keep their promises.</summary>
public sealed class DataTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"fraud-data-{Guid.NewGuid():N}");

    public DataTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string text)
    {
        string path = Path.Combine(_folder, $"{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [InlineData("a,b,Class\n1,2,0\n3,4,2\n", "'Class'", ":3:", "not 0 or 1")]
    [InlineData("a,b,Class\n1,2,0\n3,NaN,1\n", "'b'", ":3:", "not a finite number")]
    [InlineData("a,b,Class\n1,2,0\n3,4\n", null, ":3", "expected 3 fields")]
    [InlineData("a,b,Class\n1,2,0\n3,4,0\n", "'Class'", "", "one class only")]
    [InlineData("a,b,label\n1,2,0\n3,4,1\n", null, "", "no column 'Class'")]
    public void Bad_files_name_the_file_line_and_field(string text, string? column, string line, string what)
    {
        string path = Write(text);
        var error = Assert.ThrowsAny<UserInputException>(() => LabeledCsv.Read(path, "Class"));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(line, error.Message, StringComparison.Ordinal);
        Assert.Contains(what, error.Message, StringComparison.Ordinal);
        if (column is not null)
        {
            Assert.Contains(column, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Generator_is_deterministic_with_about_half_a_percent_fraud()
    {
        LabeledData a = TransactionGenerator.Generate(40_000, 42), b = TransactionGenerator.Generate(40_000, 42);
        Assert.Equal(a.X.Data, b.X.Data);
        Assert.Equal(a.Y, b.Y);
        double rate = a.Y.Average();
        Assert.InRange(rate, 0.003, 0.008);
        Assert.All(Enumerable.Range(0, a.Rows), i => Assert.True(a.X[i, 29] > 0, "amounts are log-normal, so positive"));
    }

    [Fact]
    public void Generated_csv_reads_back_identically()
    {
        LabeledData data = TransactionGenerator.Generate(300, 5);
        string path = Path.Combine(_folder, "t.csv");
        TransactionGenerator.WriteCsv(data, path);
        LabeledData back = LabeledCsv.Read(path, "Class");
        Assert.Equal(data.X.Data, back.X.Data);
        Assert.Equal(data.Y, back.Y);
        Assert.Equal(data.FeatureNames, back.FeatureNames);
    }

    [Fact]
    public void Taking_a_column_out_keeps_the_other_features_in_order()
    {
        var data = new LabeledData(new Core.LinearAlgebra.Matrix(2, 3, [1, 2, 3, 4, 5, 6]), [0, 1], ["a", "Time", "b"], "t.csv");
        (LabeledData rest, double[] time) = data.TakeColumn("Time") ?? throw new InvalidOperationException("Time not found");
        Assert.Equal(["a", "b"], rest.FeatureNames);
        Assert.Equal([1.0, 3, 4, 6], rest.X.Data);
        Assert.Equal([2.0, 5], time);
        Assert.Null(data.TakeColumn("time"));
    }

    [Fact]
    public void Standardizer_uses_training_statistics_only()
    {
        var train = new Core.LinearAlgebra.Matrix(4, 2, [1, 10, 2, 10, 3, 10, 4, 10]);
        var scaler = Standardizer.Fit(train);
        Assert.Equal(2.5, scaler.Mean[0]);
        Assert.Equal(Math.Sqrt(1.25), scaler.Scale[0]);
        Assert.Equal(1.0, scaler.Scale[1]);
        var test = new Core.LinearAlgebra.Matrix(1, 2, [5, 12]);
        Core.LinearAlgebra.Matrix z = scaler.Transform(test);
        Assert.Equal((5 - 2.5) / Math.Sqrt(1.25), z[0, 0]);
        Assert.Equal(2.0, z[0, 1]);
    }
}
