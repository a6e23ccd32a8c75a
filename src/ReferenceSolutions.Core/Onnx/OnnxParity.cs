using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.Core.Onnx;

/// <summary>
/// How an exported graph is held to the in-process scoring function: entry by entry, relative,
/// |p_onnx − p| / max(|p_onnx|, |p|, floor) (a pair of exact zeros compares as 0), so a fraud probability of 1e-9 is
/// held to the same digits as one of 0.5. Probabilities take floor 0; outputs that are plain linear values (an MLP
/// trained with mse) take floor 1, since a sum that cancels to near 0 has no relative accuracy to hold it to.
/// </summary>
public static class OnnxParity
{
    /// <summary>
    /// 1e-12 relative. Both sides evaluate one formula in float64 with the same operations in the same order except two:
    /// the order of the dot products' sums (ONNX Runtime's MLAS/Eigen GEMM against the suite's loops) and the
    /// exp/tanh implementations (Eigen's against .NET's, each within a few ulps). A logit ℓ = b + Σⱼ wⱼzⱼ then differs by
    /// at most γ_d·Σⱼ|wⱼzⱼ| ≈ d·ε·Σ|wz|, the sigmoid moves p relatively by (1 − p)·Δℓ ≤ Δℓ and the softmax by at most
    /// 2·max_c Δz_c; for these models (d ≤ 64, Σ|wz| of order 10) that is ≲ 1e-13, and 1e-12 leaves a factor of ten.
    /// A wrong constant, layer order or activation moves probabilities by far more.
    /// </summary>
    public static Tolerance Float64Relative { get; } = new("OnnxFloat64Relative", 1e-12,
        "ONNX Runtime and the suite evaluate the same float64 formula; they differ only in the order of the dot-product sums (≤ d·ε·Σ|wⱼzⱼ| on a logit, ≲ 1e-13 for d ≤ 64 and Σ|wz| ≈ 10) and in exp/tanh (a few ulps each); σ and softmax pass a logit error on as a relative error of at most 1× and 2×");

    /// <summary>Adds every entry of <paramref name="onnx"/> against <paramref name="native"/> (same shape) to <paramref name="comparison"/>, relative to the larger magnitude or <paramref name="floor"/>.</summary>
    public static Comparison AddRelative(Comparison comparison, string part, Matrix onnx, Matrix native, double floor = 0.0)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(onnx);
        ArgumentNullException.ThrowIfNull(native);
        if (onnx.Rows != native.Rows || onnx.Columns != native.Columns)
        {
            throw new ArgumentException($"{part}: {comparison.Left} is {onnx.Rows}×{onnx.Columns} but {comparison.Right} is {native.Rows}×{native.Columns}");
        }
        for (int i = 0; i < onnx.Data.Length; i++)
        {
            double l = onnx.Data[i], r = native.Data[i];
            double scale = Math.Max(Math.Max(Math.Abs(l), Math.Abs(r)), floor);
            comparison.Add($"{part}[{i / onnx.Columns}, {i % onnx.Columns}]", l, r, scale > 0 ? scale : 1.0);
        }
        return comparison;
    }
}
