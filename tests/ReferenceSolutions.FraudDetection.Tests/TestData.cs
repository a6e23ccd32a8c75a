using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.FraudDetection.Data;

namespace ReferenceSolutions.FraudDetection.Tests;

/// <summary>Seeded problems shared by the tests, and where the real data sets live.</summary>
internal static class TestData
{
    /// <summary>n rows of d standard-normal features with labels from σ(b + wᵀx), w drawn from the seed.</summary>
    public static (Matrix X, int[] Y) Logistic(int n, int d, ulong seed, double intercept = -1.0)
    {
        var rng = new Rng(seed);
        Matrix x = rng.GaussianMatrix(n, d);
        double[] w = new double[d];
        rng.FillGaussian(w);
        int[] y = new int[n];
        for (int i = 0; i < n; i++)
        {
            double z = intercept + System.Numerics.Tensors.TensorPrimitives.Dot(x.Row(i), w);
            y[i] = rng.NextDouble() < 1 / (1 + Math.Exp(-z)) ? 1 : 0;
        }
        return (x, y);
    }

    /// <summary>A standardised logistic problem drawn from <see cref="TransactionGenerator"/>.</summary>
    public static LabeledData Transactions(int n, ulong seed) => TransactionGenerator.Generate(n, seed);
}
