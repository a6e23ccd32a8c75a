namespace ReferenceSolutions.NeuralNet.Data;

/// <summary>
/// One affine map for all features, x′ = (x − μ)/σ, with μ and σ the mean and standard deviation of every training
/// entry. A single (μ, σ) keeps an image's pixel grid intact, so shifting an image commutes with scaling it.
/// </summary>
public sealed record InputScaling(double Mean, double Scale)
{
    /// <summary>μ and σ over all entries of <paramref name="x"/> (σ = 1 when the entries are constant).</summary>
    public static InputScaling Fit(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        double mean = x.Data.Average();
        double variance = x.Data.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, x.Data.Length);
        double sd = Math.Sqrt(variance);
        return new InputScaling(mean, sd > 0.0 ? sd : 1.0);
    }

    /// <summary>(x − μ)/σ for a single value.</summary>
    public double Apply(double value) => (value - Mean) / Scale;

    /// <summary>(X − μ)/σ element-wise, new storage.</summary>
    public Matrix Apply(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var result = new Matrix(x.Rows, x.Columns);
        for (int i = 0; i < x.Data.Length; i++)
        {
            result.Data[i] = Apply(x.Data[i]);
        }
        return result;
    }

    /// <summary>The same labels with scaled features.</summary>
    public LabeledData Apply(LabeledData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data with { Features = Apply(data.Features) };
    }
}
