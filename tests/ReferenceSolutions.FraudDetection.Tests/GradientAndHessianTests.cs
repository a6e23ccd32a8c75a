using FsCheck;
using FsCheck.Xunit;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Native;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.FraudDetection.LogisticRegression;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.FraudDetection.Tests;

/// <summary>
/// The fused gradient and chunked-Gram Hessian against the readable versions. The gradient must be
/// <see cref="LogisticObjective.Gradient"/>'s bit for bit (same products, same order). The Hessian against the
/// row-by-row accumulation: both compute Hₐ꜀ = Σᵢ sᵢ x̃ᵢₐx̃ᵢ꜀ (+ λ on the w
/// diagonal), only the order of the n additions differs (256-row chunks, FMA). Each reordered sum of n terms differs by at
/// most ≈ 2nε·Σᵢ|sᵢx̃ᵢₐx̃ᵢ꜀| ≤ 2nε·max(H) (Cauchy–Schwarz bounds every Σ|term| by a diagonal entry), which is below
/// 1e-12·max|H| for n ≤ 300 (2·300·1.1e-16 ≈ 7e-14): the tolerance is 1e-12 relative to the largest entry. It must
/// also be exactly symmetric, as Cholesky reads one triangle.
/// The row pass and the Gram kernel run in every <see cref="SimdWidth"/>; each does the same per-element multiplies and
/// adds (the Gram kernel the same fused multiply-adds in the same order), so all widths must give the same gradient and
/// Hessian bits.
/// </summary>
public class GradientAndHessianTests
{
    [Property(MaxTest = 40)]
    public void FusedGradientAndHessianEqualTheReadableOnes(PositiveInt seed, PositiveInt rows, PositiveInt columns, bool regularized)
    {
        int n = 1 + (rows.Get % 300), d = 1 + (columns.Get % 40);
        var rng = new Rng((ulong)seed.Get);
        Matrix x = rng.GaussianMatrix(n, d, rng.Uniform(0.1, 3.0));
        double[] theta = new double[d + 1];
        rng.FillGaussian(theta, 0.0, 0.5);
        double lambda = regularized ? rng.Uniform(0.0, 5.0) : 0.0;
        int[] y = [.. Enumerable.Range(0, n).Select(_ => rng.NextInt(2))];
        double[] z = LogisticObjective.Logits(x, theta);
        (double[] gradient, Matrix blocked) = LogisticObjective.GradientAndHessian(x, y, lambda, theta, z);
        ParityAssert.Passes(FraudChecks.FusedGradient, new Comparison("fused", "readable").Add("∇f", gradient, LogisticObjective.Gradient(x, y, lambda, theta)));
        Matrix reference = LogisticObjective.Hessian(x, lambda, theta);
        ParityAssert.Passes(FraudChecks.FusedHessian, new Comparison("fused", "readable").Add("H", blocked, reference, Norms.MaxAbs(reference.Data)));
        for (int a = 0; a <= d; a++)
        {
            for (int c = 0; c < a; c++)
            {
                Assert.Equal(blocked[a, c], blocked[c, a]);
            }
        }
        foreach (SimdWidth width in new[] { SimdWidth.Vector512, SimdWidth.Vector256, SimdWidth.Scalar })
        {
            (double[] widthGradient, Matrix widthHessian) = LogisticObjective.GradientAndHessian(width, x, y, lambda, theta, z);
            Assert.Equal(gradient.Select(BitConverter.DoubleToInt64Bits), widthGradient.Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(blocked.Data.Select(BitConverter.DoubleToInt64Bits), widthHessian.Data.Select(BitConverter.DoubleToInt64Bits));
        }
    }
}
