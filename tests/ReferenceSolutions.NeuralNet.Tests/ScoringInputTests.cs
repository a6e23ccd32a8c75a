using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.NeuralNet.Data;

namespace ReferenceSolutions.NeuralNet.Tests;

/// <summary>
/// The rows <c>score neuralnet</c> reads: the training layout with or without the class column, with no header or a
/// header of the model's feature names; any other column count or a wrong name is refused naming the file, line and column.
/// </summary>
public sealed class ScoringInputTests : IDisposable
{
    private static readonly IReadOnlyList<string> Features = FeatureNames.Of(3);
    private readonly string _folder = Directory.CreateTempSubdirectory("refsol-nn-input-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("1,2,3\n4,5,6\n")]
    [InlineData("1,2,3,0\n4,5,6,9\n")]
    [InlineData("x0,x1,x2\n1,2,3\n4,5,6\n")]
    [InlineData("x0,x1,x2,label\n1,2,3,7\n4,5,6,1\n")]
    public void TheTrainingLayoutIsReadWithOrWithoutLabelAndHeader(string text)
    {
        Matrix x = ScoringInput.Read(Write(text), Features);

        Assert.Equal([1.0, 2, 3, 4, 5, 6], x.Data);
        Assert.Equal(["x0", "x1", "x2"], Features);
    }

    [Theory]
    [InlineData("1,2\n4,5\n", "has 2 columns")]
    [InlineData("1,2,3,4,5\n4,5,6,7,8\n", "has 5 columns")]
    [InlineData("x0,x1\n1,2\n", "has 2 columns")]
    public void AMissingOrExtraColumnIsRefused(string text, string message)
    {
        string path = Write(text);
        var error = Assert.Throws<DataFormatException>(() => ScoringInput.Read(path, Features));

        Assert.Equal(path, error.File);
        Assert.Equal(1, error.Line);
        Assert.Contains(message, error.What, StringComparison.Ordinal);
    }

    [Fact]
    public void AWrongFeatureNameIsRefusedNamingItsColumn()
    {
        string path = Write("x0,pixel1,x2\n1,2,3\n");
        var error = Assert.Throws<DataFormatException>(() => ScoringInput.Read(path, Features));

        Assert.Equal("'pixel1'", error.Column);
        Assert.Contains("expected the feature 'x1' in column 2", error.What, StringComparison.Ordinal);
    }

    private string Write(string text)
    {
        string path = Path.Combine(_folder, $"{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }
}
