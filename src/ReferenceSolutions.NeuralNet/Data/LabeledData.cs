namespace ReferenceSolutions.NeuralNet.Data;

/// <summary>A classification set: features X: N×D and classes y ∈ {0..C−1}ᴺ.</summary>
public sealed record LabeledData(Matrix Features, int[] Labels, int Classes)
{
    /// <summary>N, the number of rows.</summary>
    public int Rows => Features.Rows;

    /// <summary>The rows listed in <paramref name="indices"/>, in that order.</summary>
    public LabeledData Subset(ReadOnlySpan<int> indices)
    {
        var x = new Matrix(indices.Length, Features.Columns);
        var y = new int[indices.Length];
        for (int i = 0; i < indices.Length; i++)
        {
            Features.Row(indices[i]).CopyTo(x.Row(i));
            y[i] = Labels[indices[i]];
        }
        return new LabeledData(x, y, Classes);
    }
}
