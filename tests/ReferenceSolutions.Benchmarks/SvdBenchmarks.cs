using BenchmarkDotNet.Attributes;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Recommender.Svd;

namespace ReferenceSolutions.Benchmarks;

/// <summary>Thin SVD (U, σ, V) of a Gaussian r×c float64 matrix: one-sided Jacobi, Golub–Kahan and blocked Golub–Kahan from scratch against torch.linalg.svd and MathNet.</summary>
public class SvdBenchmarks
{
    private Matrix _a = null!;
    private MathNet.Numerics.LinearAlgebra.Matrix<double> _ma = null!;
    private readonly JacobiSvd _jacobi = new();
    private readonly GolubKahanSvd _golubKahan = new();
    private readonly BlockedGolubKahanSvd _blocked = new();
    private readonly TorchSvd _torch = new();

    [Params("200x200", "1000x300")]
    public string Shape { get; set; } = "200x200";

    [GlobalSetup]
    public void Setup()
    {
        string[] parts = Shape.Split('x');
        int rows = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        int columns = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        _a = new Rng(1).GaussianMatrix(rows, columns);
        _ma = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowMajor(rows, columns, _a.Data);
    }

    [Benchmark(Baseline = true, Description = "torch.linalg.svd (reduced)")]
    public SvdResult Torch() => _torch.Decompose(_a);

    [Benchmark(Description = "one-sided Jacobi (from scratch)")]
    public SvdResult Jacobi() => _jacobi.Decompose(_a);

    [Benchmark(Description = "Golub–Kahan + implicit QR (from scratch)")]
    public SvdResult GolubKahan() => _golubKahan.Decompose(_a);

    [Benchmark(Description = "blocked Golub–Kahan + implicit QR (from scratch)")]
    public SvdResult BlockedGolubKahan() => _blocked.Decompose(_a);

    [Benchmark(Description = "MathNet Svd(true) (managed)")]
    public MathNet.Numerics.LinearAlgebra.Factorization.Svd<double> MathNetSvd() => _ma.Svd(computeVectors: true);
}
