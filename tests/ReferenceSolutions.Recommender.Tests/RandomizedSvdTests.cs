using FsCheck;
using FsCheck.Xunit;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Recommender.Svd;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>
/// Randomized SVD against the exact one: ‖A − Ãₖ‖₂ ≤ σ_{k+1} + (1 + 9√(k+p)√min(r,c))^{1/(2q+1)}·σ_{k+1} (HMT eq. 1.9 with
/// the power-scheme reduction; failure probability 3·p⁻ᵖ = 3e-10 for p = 10), and σᵢ(QᵀA) ≤ σᵢ(A).
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
            Matrix residual = a - approx.Reconstruct();
            double error = new JacobiSvd().Decompose(residual).S[0];
            double bound = sigma[k] * (1.0 + randomized.DeviationBoundFactor(columns));
            Assert.True(error <= bound, $"q = {q}: ‖A − Ãₖ‖₂ = {error:E3} > bound {bound:E3}");
            Assert.True(error >= sigma[k] * (1 - 1e-12), $"q = {q}: ‖A − Ãₖ‖₂ = {error:E3} is below σ_(k+1) = {sigma[k]:E3}, impossible (Eckart–Young)");
            for (int i = 0; i < k; i++)
            {
                Assert.True(approx.S[i] <= sigma[i] * (1 + 1e-12), $"σ{i} of QᵀA exceeds σ{i} of A");
            }
        }
    }

    [Fact]
    public void PowerIterationsRecoverTheTopSingularValuesOfAGappedSpectrum()
    {
        double[] sigma = [.. Enumerable.Range(0, 5).Select(j => 100.0 - j), .. Enumerable.Range(0, 45).Select(j => 1e-3)];
        Matrix a = TestMatrices.WithSingularValues(80, 50, sigma, 3);
        SvdResult approx = new RandomizedSvd(5, 10, 2, new Rng(9)).Decompose(a);
        double diff = Norms.MaxAbsDiff(approx.S, sigma.AsSpan(0, 5));
        Assert.True(diff <= 1e-9 * sigma[0], $"max|σ − σ_exact| = {diff:E3}");
    }
}
