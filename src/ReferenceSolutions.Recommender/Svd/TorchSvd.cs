using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace ReferenceSolutions.Recommender.Svd;

/// <summary>
/// The TorchSharp twin of <see cref="JacobiSvd"/>: <c>torch.linalg.svd(A, full_matrices: false)</c> in float64
/// (LAPACK gesdd underneath), returning U: r×p, S: p descending, V = Vhᵀ: c×p, then the shared sign convention.
/// </summary>
public sealed class TorchSvd : ISvd
{
    /// <inheritdoc/>
    public string Name => "torch";

    /// <inheritdoc/>
    public SvdResult Decompose(Matrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        using var pause = CollectorPause.Enter();
        using DisposeScope scope = NewDisposeScope();
        Tensor ta = tensor(a.Data, [a.Rows, a.Columns], ScalarType.Float64); // (r, c)
        (Tensor u, Tensor s, Tensor vh) = linalg.svd(ta, fullMatrices: false); // (r, p), (p), (p, c)
        int p = Math.Min(a.Rows, a.Columns);
        var um = new Matrix(a.Rows, p, u.contiguous().data<double>().ToArray());
        double[] sv = s.data<double>().ToArray();
        Matrix v = new Matrix(p, a.Columns, vh.contiguous().data<double>().ToArray()).Transpose(); // (c, p)
        SignConvention.Apply(um, v);
        return new SvdResult(um, sv, v);
    }
}
