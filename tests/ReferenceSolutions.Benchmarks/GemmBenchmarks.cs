using BenchmarkDotNet.Attributes;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace ReferenceSolutions.Benchmarks;

/// <summary>C = A·B for n×n float64 matrices: Core's reference loop and blocked kernel against torch.matmul and MathNet.</summary>
public class GemmBenchmarks
{
    private Matrix _a = null!;
    private Matrix _b = null!;
    private Matrix _c = null!;
    private Tensor _ta = null!;
    private Tensor _tb = null!;
    private MathNet.Numerics.LinearAlgebra.Matrix<double> _ma = null!;
    private MathNet.Numerics.LinearAlgebra.Matrix<double> _mb = null!;

    [Params(128, 512)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Rng(1);
        _a = rng.GaussianMatrix(N, N);
        _b = rng.GaussianMatrix(N, N);
        _c = new Matrix(N, N);
        _ta = tensor(_a.Data, [N, N], ScalarType.Float64);
        _tb = tensor(_b.Data, [N, N], ScalarType.Float64);
        _ma = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowMajor(N, N, _a.Data);
        _mb = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowMajor(N, N, _b.Data);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ta.Dispose();
        _tb.Dispose();
    }

    [Benchmark(Baseline = true, Description = "torch.matmul")]
    public void Torch()
    {
        using var c = matmul(_ta, _tb);
    }

    [Benchmark(Description = "Core blocked kernel")]
    public void Blocked() => Gemm.Compute(1.0, _a, false, _b, false, 0.0, _c);

    [Benchmark(Description = "Core reference loop")]
    public void Reference() => Gemm.Reference(1.0, _a, false, _b, false, 0.0, _c);

    [Benchmark(Description = "MathNet (managed)")]
    public MathNet.Numerics.LinearAlgebra.Matrix<double> MathNetMultiply() => _ma * _mb;
}
