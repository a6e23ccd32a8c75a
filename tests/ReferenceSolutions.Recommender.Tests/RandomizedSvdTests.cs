using FsCheck;
using FsCheck.Xunit;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Recommender.Svd;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>
/// Randomized SVD against the exact one: ‖A − Ãₖ‖₂ − σₖ₊₁ ≤ f·σₖ₊₁ with f = (1 + 9√(k+p)√min(r,c))^{1/(2q+1)}
/// (Halko, Martinsson &amp; Tropp 2011, §10 with the power scheme of §10.4; failure probability 3·p⁻ᵖ = 3e-10 for
/// p = 10), ‖A − Ãₖ‖₂ ≥ σₖ₊₁ (Eckart–Young) and σᵢ(QᵀA) ≤ σᵢ(A); the top σ of a gapped spectrum.
/// </summary>
public class RandomizedSvdTests
{
    [Property(MaxTest = 12)]
    public void ErrorIsWithinTheHalkoMartinssonTroppBound(PositiveInt seed, bool slowDecay)
    {
        int rows = 150, columns = 90, k = 8;
        double decay = slowDecay ? 0.97 : 0.8;
        double[] sigma = Enumerable.Range(0, columns).Select(j => Math.Pow(decay, j)).ToArray();
        Matrix a = TestMatrices.WithSingularValues(rows, columns, sigma, (ulong)seed.Get);
        foreach (int q in new[] { 0, 1, 2 })
        {
            var randomized = new RandomizedSvd(k, 10, q, new Rng((ulong)seed.Get + 1000));
            SvdResult approx = randomized.Decompose(a);
            double error = new JacobiSvd().Decompose(a - approx.Reconstruct()).S[0];
            ParityAssert.Passes(RecommenderChecks.RandomizedSvdBound, Bound(error, sigma[k], randomized.DeviationBoundFactor(columns)));
            Assert.True(error >= sigma[k] * (1 - 1e-12), $"q = {q}: ‖A − Ãₖ‖₂ = {error:E3} is below σ_(k+1) = {sigma[k]:E3}, impossible (Eckart–Young)");
            for (int i = 0; i < k; i++)
            {
                Assert.True(approx.S[i] <= sigma[i] * (1 + 1e-12), $"σ{i} of QᵀA exceeds σ{i} of A");
            }
        }
    }

    [Fact]
    public void NanInTheRandomizedFactorsFailsTheBound()
    {
        double[] sigma = Enumerable.Range(0, 40).Select(j => Math.Pow(0.9, j)).ToArray();
        Matrix a = TestMatrices.WithSingularValues(60, 40, sigma, 2);
        var randomized = new RandomizedSvd(5, 10, 1, new Rng(3));
        SvdResult approx = randomized.Decompose(a);
        approx.S[2] = double.NaN;
        double error = Norms.MaxAbs((a - approx.Reconstruct()).Data);
        Comparison comparison = Bound(error, sigma[5], randomized.DeviationBoundFactor(40));
        ParityAssert.Fails(RecommenderChecks.RandomizedSvdBound, comparison);
        Assert.Equal("randomized: ‖A − Ãₖ‖₂ is NaN", comparison.NonFinite);
    }

    [Fact]
    public void PowerIterationsRecoverTheTopSingularValuesOfAGappedSpectrum()
    {
        double[] sigma = [.. Enumerable.Range(0, 5).Select(j => 100.0 - j), .. Enumerable.Range(0, 45).Select(j => 1e-3)];
        Matrix a = TestMatrices.WithSingularValues(80, 50, sigma, 3);
        SvdResult approx = new RandomizedSvd(5, 10, 2, new Rng(9)).Decompose(a);
        ParityAssert.Passes(RecommenderChecks.RandomizedSvdTop, new Comparison("randomized", "planted").Add("σ", approx.S, sigma.AsSpan(0, 5), sigma[0]));
    }

    /// <summary>‖A − Ãₖ‖₂ against σₖ₊₁ in units of f·σₖ₊₁: within 1 exactly when the bound holds (the error is ≥ σₖ₊₁ by Eckart–Young).</summary>
    private static Comparison Bound(double error, double nextSigma, double factor) =>
        new Comparison("randomized", "exact").Add("‖A − Ãₖ‖₂", error, nextSigma, factor * nextSigma);
}
