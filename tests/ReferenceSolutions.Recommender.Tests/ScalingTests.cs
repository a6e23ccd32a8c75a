using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Recommender.Pca;
using ReferenceSolutions.Recommender.Svd;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>
/// Every decomposition works on its input scaled by an exact power of two, so 2ᵉ·A — with entries near 1e300 or 1e-300,
/// whose squares leave the double range — gives the results of A scaled exactly, bit for bit
/// (<see cref="RecommenderChecks.PowerOfTwoScaling"/>).
/// </summary>
public class ScalingTests
{
    [Theory]
    [InlineData(1000)]
    [InlineData(-1000)]
    public void SingularValuesScaleExactly(int exponent)
    {
        Matrix a = TestMatrices.Gaussian(30, 12, 5);
        Matrix scaled = ScaleB(a, exponent);
        var comparison = new Comparison("A", "2ᵉA, scaled back");
        foreach (ISvd svd in new ISvd[] { new JacobiSvd(), new GolubKahanSvd(), new BlockedGolubKahanSvd(), new MathNetSvd() })
        {
            comparison.Add($"{svd.Name} σ", svd.Decompose(a).S, Unscale(svd.Decompose(scaled).S, exponent));
        }
        comparison.Add("randomized σ", new RandomizedSvd(4, 8, 1, new Rng(2)).Decompose(a).S, Unscale(new RandomizedSvd(4, 8, 1, new Rng(2)).Decompose(scaled).S, exponent));
        ParityAssert.Passes(RecommenderChecks.PowerOfTwoScaling, comparison);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(-500)]
    public void PcaIsScaleInvariantBitForBit(int exponent)
    {
        Matrix x = PlantedSample.Create(80, 7, [4.0, 2.0, 1.0], 0.1, 3.0, new Rng(4));
        PcaModel plain = PcaModel.Fit(x, 3, new JacobiSvd());
        PcaModel scaled = PcaModel.Fit(ScaleB(x, exponent), 3, new JacobiSvd());
        ParityAssert.Passes(RecommenderChecks.PowerOfTwoScaling, new Comparison("X", "2ᵉX, scaled back")
            .Add("axes", plain.Components, scaled.Components)
            .Add("λ", plain.ExplainedVariance, Unscale(scaled.ExplainedVariance, 2 * exponent))
            .Add("μ", plain.Mean, Unscale(scaled.Mean, exponent)));
    }

    [Fact]
    public void LowRankSpectrumScalesExactly()
    {
        var rng = new Rng(6);
        Matrix p = rng.GaussianMatrix(40, 5);
        Matrix q = rng.GaussianMatrix(30, 5);
        double[] plain = LowRankSpectrum.Of(p, q, new JacobiSvd());
        double[] scaled = LowRankSpectrum.Of(ScaleB(p, 600), ScaleB(q, -700), new JacobiSvd());
        ParityAssert.Passes(RecommenderChecks.PowerOfTwoScaling, new Comparison("P·Qᵀ", "2⁶⁰⁰P·(2⁻⁷⁰⁰Q)ᵀ, scaled back").Add("σ", plain, Unscale(scaled, -100)));
    }

    [Fact]
    public void AScaleThatChangesTheResultFailsTheCheck()
    {
        Matrix a = TestMatrices.Gaussian(10, 4, 7);
        double[] s = new JacobiSvd().Decompose(a).S;
        ParityAssert.Fails(RecommenderChecks.PowerOfTwoScaling, new Comparison("A", "2ᵉA, scaled back").Add("σ", s, Unscale(new JacobiSvd().Decompose(ScaleB(a, 3)).S, 2)));
    }

    private static Matrix ScaleB(Matrix a, int exponent)
    {
        var result = new Matrix(a.Rows, a.Columns);
        for (int i = 0; i < a.Data.Length; i++)
        {
            result.Data[i] = Math.ScaleB(a.Data[i], exponent);
        }
        return result;
    }

    private static double[] Unscale(double[] values, int exponent) => [.. values.Select(v => Math.ScaleB(v, -exponent))];
}
