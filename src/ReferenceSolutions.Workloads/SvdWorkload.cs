using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Recommender.Svd;

namespace ReferenceSolutions.Workloads;

/// <summary>
/// Exact SVD with U and V of an r×c Gaussian float64 matrix: the blocked Golub–Kahan SVD from scratch
/// (<see cref="BlockedGolubKahanSvd"/>: blocked Householder bidiagonalisation, implicit-shift QR on the bidiagonal,
/// U and V formed by compact-WY GEMMs) against MathNet's managed <c>Svd(computeVectors: true)</c>, with
/// <c>torch.linalg.svd</c> (reduced) reported beside them as <c>torchMs</c>.
/// </summary>
public sealed class SvdWorkload : IBenchWorkload
{
    private readonly Matrix _a;
    private readonly MathNet.Numerics.LinearAlgebra.Matrix<double> _ma;
    private readonly BlockedGolubKahanSvd _fromScratch = new();
    private readonly TorchSvd _torch = new();

    public SvdWorkload(int rows, int columns)
    {
        _a = new Rng(1).GaussianMatrix(rows, columns);
        _ma = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowMajor(rows, columns, _a.Data);
        Name = $"svd-{rows}x{columns}";
    }

    public string Name { get; }

    public IReadOnlyList<(string Field, Action Run)> ExtraTimings => [("torchMs", () => _torch.Decompose(_a))];

    public void FromScratch() => _fromScratch.Decompose(_a);

    public void Library() => _ma.Svd(computeVectors: true);

    public void Dispose()
    {
    }
}
