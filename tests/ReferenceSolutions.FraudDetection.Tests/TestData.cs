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

    /// <summary>The repository root (the folder holding ReferenceSolutions.sln).</summary>
    public static string RepoRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "ReferenceSolutions.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }
        return dir ?? throw new InvalidOperationException("ReferenceSolutions.sln not found above the test binaries");
    }

    /// <summary>../shared/datasets/creditcard-fraud/creditcard_sample.csv from the repository root.</summary>
    public static string CreditCardSample => Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "datasets", "creditcard-fraud", "creditcard_sample.csv"));

    /// <summary>../shared/datasets/credit-default/credit-default.csv from the repository root.</summary>
    public static string CreditDefault => Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "datasets", "credit-default", "credit-default.csv"));

    /// <summary>A standardised logistic problem drawn from <see cref="TransactionGenerator"/>.</summary>
    public static LabeledData Transactions(int n, ulong seed) => TransactionGenerator.Generate(n, seed);
}

/// <summary>A fact that is skipped, with the reason, when a real data set is not on this machine.</summary>
public sealed class DatasetFactAttribute : FactAttribute
{
    public DatasetFactAttribute(string dataset)
    {
        string path = dataset == "creditcard" ? TestData.CreditCardSample : TestData.CreditDefault;
        if (!File.Exists(path))
        {
            Skip = $"real data set absent: {path} (see ../shared/datasets/README.md)";
        }
    }
}
