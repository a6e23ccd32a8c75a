using ReferenceSolutions.Core.Data;

namespace ReferenceSolutions.NeuralNet.Data;

/// <summary>
/// One affine map for all features, x′ = (x − μ)/σ, with μ and σ the mean and standard deviation of every training
/// entry. A single (μ, σ) keeps an image's pixel grid intact, so shifting an image commutes with scaling it.
/// </summary>
public sealed record InputScaling(double Mean, double Scale)
{
    /// <summary>
    /// μ and σ over all entries of <paramref name="x"/> (σ = 1 when the entries are constant). The sums run over the
    /// entries scaled by 2⁻ᵏ, 2ᵏ the power of two just above max |x|, so neither Σx nor Σ(x − μ)² can overflow however
    /// large the values (a power-of-two scale is exact: on ordinary data the result is bit for bit the unscaled one).
    /// A σ beyond the largest double (values spread across nearly the whole range) is a <see cref="UserInputException"/>.
    /// </summary>
    public static InputScaling Fit(Matrix x, string source = "the training rows")
    {
        ArgumentNullException.ThrowIfNull(x);
        double largest = x.Data.Length == 0 ? 0.0 : Math.Abs(System.Numerics.Tensors.TensorPrimitives.MaxMagnitude<double>(x.Data));
        int k = largest > 0.0 ? Math.ILogB(largest) + 1 : 0;
        double mean = 0.0, squares = 0.0;
        foreach (double v in x.Data)
        {
            mean += Math.ScaleB(v, -k);
        }
        mean /= Math.Max(1, x.Data.Length);
        foreach (double v in x.Data)
        {
            double d = Math.ScaleB(v, -k) - mean;
            squares += d * d;
        }
        double sd = Math.ScaleB(Math.Sqrt(squares / Math.Max(1, x.Data.Length)), k);
        if (!double.IsFinite(sd))
        {
            throw new UserInputException($"{source}: cannot scale the inputs: their standard deviation exceeds the largest double (the values span nearly ±1.8e308); rescale the features");
        }
        return new InputScaling(Math.ScaleB(mean, k), sd > 0.0 ? sd : 1.0);
    }

    /// <summary>(x − μ)/σ for a single value; as x/σ − μ/σ when x − μ overflows (x and μ both near the double range).</summary>
    public double Apply(double value)
    {
        double difference = value - Mean;
        return double.IsFinite(difference) ? difference / Scale : (value / Scale) - (Mean / Scale);
    }

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
