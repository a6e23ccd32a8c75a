using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Recommender.Factorization;
using ReferenceSolutions.Recommender.Ratings;
using ReferenceSolutions.Recommender.Svd;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>The spectrum of a learned P·Qᵀ without forming it, the rank read off its largest gap, and the twins' re-indexed sample.</summary>
public class LowRankSpectrumTests
{
    [Fact]
    public void SpectrumOfTheFactorsEqualsTheSpectrumOfTheProduct()
    {
        var rng = new Rng(1);
        Matrix p = rng.GaussianMatrix(40, 6);
        Matrix q = rng.GaussianMatrix(30, 6);
        double[] small = LowRankSpectrum.Of(p, q, new JacobiSvd());
        double[] full = new MathNetSvd().Decompose(Gemm.MultiplyTransposeB(p, q)).S[..6];
        ParityAssert.Passes(RecommenderChecks.LowRankSpectrum, new Comparison("from-scratch", "mathnet").Add("σ", small, full, full[0]));
    }

    [Theory]
    [InlineData(new[] { 100.0, 90.0, 80.0, 1.0, 0.9 }, 3)]
    [InlineData(new[] { 5.0, 4.0, 0.0, 0.0 }, 2)]
    [InlineData(new[] { 1.0, 1e-3, 1e-4 }, 1)]
    public void RankIsReadAtTheLargestGap(double[] sigma, int rank) => Assert.Equal(rank, LowRankSpectrum.RankAtLargestGap(sigma));

    [Fact]
    public void CompactSampleKeepsRatingsAndFactorRows()
    {
        RatingSet all = SyntheticRatings.Generate(2);
        BiasedMf state = BiasedMf.Initial(all.UserCount, all.ItemCount, 3, all.Mean(), 0.1, new Rng(3));
        (RatingSet sample, int[] users, int[] items) = all.Subset([5, 900, 17, 3000]).Compact();
        BiasedMf rows = state.Rows(users, items);
        int[] original = [5, 900, 17, 3000];
        var comparison = new Comparison("full state", "compact rows");
        for (int r = 0; r < sample.Count; r++)
        {
            int o = original[r];
            Assert.Equal(all.UserIds[all.Users[o]], sample.UserIds[sample.Users[r]]);
            Assert.Equal(all.ItemIds[all.Items[o]], sample.ItemIds[sample.Items[r]]);
            comparison.Add($"rating {o}", all.Values[o], sample.Values[r]).Add($"r̂ of rating {o}", state.Predict(all.Users[o], all.Items[o]), rows.Predict(sample.Users[r], sample.Items[r]));
        }
        ParityAssert.Passes(RecommenderChecks.SampleReindexing, comparison);
    }
}
