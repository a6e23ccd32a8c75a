using BenchmarkDotNet.Attributes;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Workloads;

namespace ReferenceSolutions.Benchmarks;

/// <summary>
/// C = A·B for n×n float64 matrices: Core's reference loop and blocked kernel against torch.matmul and MathNet, on the
/// inputs of <see cref="GemmWorkload"/> (the <c>gemm-512</c> pair of <c>refsol bench</c> at n = 512).
/// </summary>
public class GemmBenchmarks : IDisposable
{
    private GemmWorkload _workload = null!;
    private Matrix _c = null!;
    private MathNet.Numerics.LinearAlgebra.Matrix<double> _ma = null!;
    private MathNet.Numerics.LinearAlgebra.Matrix<double> _mb = null!;

    [Params(128, 512)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _workload = new GemmWorkload(N);
        _c = new Matrix(N, N);
        _ma = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowMajor(N, N, _workload.A.Data);
        _mb = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowMajor(N, N, _workload.B.Data);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _workload?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, Description = "torch.matmul")]
    public void Torch() => _workload.Library();

    [Benchmark(Description = "Core blocked kernel")]
    public void Blocked() => _workload.FromScratch();

    [Benchmark(Description = "Core reference loop")]
    public void Reference() => Gemm.Reference(1.0, _workload.A, false, _workload.B, false, 0.0, _c);

    [Benchmark(Description = "MathNet (managed)")]
    public MathNet.Numerics.LinearAlgebra.Matrix<double> MathNetMultiply() => _ma * _mb;
}
