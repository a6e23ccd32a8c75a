using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.FraudDetection.LogisticRegression;

/// <summary>
/// Plain gradient descent on <see cref="LogisticObjective"/>, for teaching: θ ← θ − η·∇f(θ) from θ = 0 with the fixed
/// step η = 1/L, where L = ¼·λ_max(X̃ᵀX̃) + λ bounds the Hessian's largest eigenvalue (pᵢ(1 − pᵢ) ≤ ¼); λ_max is
/// estimated by power iteration and inflated by 10 %. f is convex and L-smooth, so the iterates reach the same
/// optimum as <see cref="NewtonLogisticRegression"/>, only far more slowly (linear rate 1 − μ/L). Stops when
/// ‖∇f‖∞ ≤ tolerance or after maxIterations.
/// </summary>
public sealed class GradientDescentLogisticRegression(double tolerance = 1e-8, int maxIterations = 200_000) : ILogisticRegression
{
    /// <inheritdoc/>
    public string Name => "gradient-descent";

    /// <summary>Iterations taken by the last <see cref="Fit"/>.</summary>
    public int Iterations { get; private set; }

    /// <inheritdoc/>
    public LogisticModel Fit(Matrix x, IReadOnlyList<int> y, double lambda)
    {
        ArgumentNullException.ThrowIfNull(x);
        double eta = 1.0 / ((0.25 * 1.1 * LargestEigenvalueOfGram(x)) + lambda);
        double[] theta = new double[x.Columns + 1];
        for (Iterations = 0; Iterations < maxIterations; Iterations++)
        {
            double[] g = LogisticObjective.Gradient(x, y, lambda, theta);
            if (Norms.MaxAbs(g) <= tolerance)
            {
                break;
            }
            for (int j = 0; j < theta.Length; j++)
            {
                theta[j] -= eta * g[j];
            }
        }
        return LogisticModel.FromTheta(theta);
    }

    /// <summary>λ_max(X̃ᵀX̃) for X̃ = [1, X] (n×(d + 1)), by 100 steps of power iteration v ← X̃ᵀX̃v/‖X̃ᵀX̃v‖.</summary>
    internal static double LargestEigenvalueOfGram(Matrix x)
    {
        int d1 = x.Columns + 1;
        double[] v = new double[d1];
        Array.Fill(v, 1.0 / Math.Sqrt(d1));
        double eigenvalue = 0.0;
        for (int step = 0; step < 100; step++)
        {
            double[] u = new double[d1];
            for (int i = 0; i < x.Rows; i++)
            {
                ReadOnlySpan<double> row = x.Row(i);
                double xv = v[0] + System.Numerics.Tensors.TensorPrimitives.Dot(row, v.AsSpan(1));
                u[0] += xv;
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(row, xv, u.AsSpan(1), u.AsSpan(1));
            }
            eigenvalue = Norms.Euclidean(u);
            for (int j = 0; j < d1; j++)
            {
                v[j] = u[j] / eigenvalue;
            }
        }
        return eigenvalue;
    }
}
