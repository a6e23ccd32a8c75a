using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;
using static TorchSharp.torch;

namespace ReferenceSolutions.Workloads;

/// <summary>C = A·B for n×n float64 Gaussian matrices: Core's blocked <see cref="Gemm.Compute"/> against <c>torch.matmul</c>.</summary>
public sealed class GemmWorkload : IBenchWorkload
{
    private readonly Matrix _a;
    private readonly Matrix _b;
    private readonly Matrix _c;
    private readonly Tensor _ta;
    private readonly Tensor _tb;

    public GemmWorkload(int n)
    {
        var rng = new Rng(1);
        _a = rng.GaussianMatrix(n, n);
        _b = rng.GaussianMatrix(n, n);
        _c = new Matrix(n, n);
        _ta = tensor(_a.Data, [n, n], ScalarType.Float64);
        _tb = tensor(_b.Data, [n, n], ScalarType.Float64);
        Name = $"gemm-{n}";
    }

    public string Name { get; }

    /// <summary>A: n×n, for benchmarks that time other multiplies on the same inputs.</summary>
    public Matrix A => _a;

    /// <summary>B: n×n.</summary>
    public Matrix B => _b;

    public void FromScratch() => Gemm.Compute(1.0, _a, false, _b, false, 0.0, _c);

    public void Library()
    {
        using Tensor c = matmul(_ta, _tb);
    }

    public void Dispose()
    {
        _ta.Dispose();
        _tb.Dispose();
    }
}
