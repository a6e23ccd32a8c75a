using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.FraudDetection.LogisticRegression;

/// <summary>A fitted logistic regression: pᵢ = σ(b + wᵀxᵢ), intercept b, weights w (d).</summary>
public sealed record LogisticModel(double Intercept, double[] Weights)
{
    /// <summary>θ = [b, w₁..w_d] (d + 1), the order every twin reports in.</summary>
    public double[] Theta => [Intercept, .. Weights];

    /// <summary>The probabilities σ(b + X·w) of the rows of X (n×d); returns n values.</summary>
    public double[] Probabilities(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        double[] z = x.Multiply(Weights);
        for (int i = 0; i < z.Length; i++)
        {
            z[i] = Sigmoid.Of(Intercept + z[i]);
        }
        return z;
    }

    /// <summary>The model with θ = [b, w].</summary>
    public static LogisticModel FromTheta(ReadOnlySpan<double> theta) => new(theta[0], theta[1..].ToArray());
}
