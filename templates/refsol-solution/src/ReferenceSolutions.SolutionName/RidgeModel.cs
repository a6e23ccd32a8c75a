using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.SolutionName;

/// <summary>
/// A fitted linear model ŷ = b + X·w, X: n×d row-major, w: d, b the intercept; <see cref="Theta"/> is θ = (b, w), length
/// d + 1, the coefficients of X̃ = [1 | X] (n×(d + 1)), so ŷ = X̃·θ.
/// </summary>
public sealed record RidgeModel(double Intercept, IReadOnlyList<double> Weights)
{
    /// <summary>θ = (b, w₁, …, w_d).</summary>
    public double[] Theta => [Intercept, .. Weights];

    /// <summary>The model with θ = (b, w) (length d + 1).</summary>
    public static RidgeModel FromTheta(ReadOnlySpan<double> theta) => new(theta[0], theta[1..].ToArray());

    /// <summary>ŷ = b + X·w for X: n×d; length n.</summary>
    public double[] Predict(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Columns != Weights.Count)
        {
            throw new ArgumentException($"the model takes {Weights.Count} features, X has {x.Columns} columns", nameof(x));
        }
        double[] y = x.Multiply([.. Weights]);
        for (int i = 0; i < y.Length; i++)
        {
            y[i] += Intercept;
        }
        return y;
    }
}
