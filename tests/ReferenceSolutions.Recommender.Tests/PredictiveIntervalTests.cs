using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Recommender.Evaluation;
using ReferenceSolutions.Recommender.Factorization;
using ReferenceSolutions.Recommender.Ratings;
using MathNetMatrix = MathNet.Numerics.LinearAlgebra.Matrix<double>;
using MathNetVector = MathNet.Numerics.LinearAlgebra.Vector<double>;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>
/// The ALS predictive variance σ²·(1 + zᵢᵀAᵤ⁻¹zᵢ) and its σ² = RSS/(N − df) against a brute-force computation with
/// MathNet's explicit inverse (both the Cholesky and the push-through path), and the coverage of the intervals on data
/// drawn from the model's own assumptions (docs/recommender.md#predictive-intervals).
/// </summary>
public class PredictiveIntervalTests
{
    /// <summary>
    /// Relative to σ²·(1 + ‖z‖²/c), the predictive variance's scale (zᵀAᵤ⁻¹z ≤ ‖z‖²/c): both forms' rounding is a small
    /// multiple of κ·u·‖z‖²/c, κ ≤ 10³ on these problems (u = 1.1e-16), so ≈ 1e-13; 1e-10 leaves a factor 10³.
    /// </summary>
    private const double BruteForceTolerance = 1e-10;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void VarianceEqualsTheExplicitInverse(ulong seed)
    {
        var rng = new Rng(seed);
        int users = 2 + rng.NextInt(6), items = 3 + rng.NextInt(12), k = 1 + rng.NextInt(4);
        double lambda = rng.Uniform(0.02, 1.0), sigma2 = rng.Uniform(0.1, 2.0);
        RatingSet train = RandomRatings(users, items, rng.Uniform(0.1, 0.9), rng);
        BiasedMf model = RandomModel(users, items, k, rng);
        PredictiveVariance variance = PredictiveVariance.Fit(model, train, lambda);
        int[][] byUser = train.ByUser();
        double df = 0.0;
        bool pushThrough = false, cholesky = false;
        for (int u = 0; u < users; u++)
        {
            int[] ratings = byUser[u];
            if (ratings.Length == 0)
            {
                Assert.False(variance.HasPosterior(u));
                continue;
            }
            pushThrough |= ratings.Length < k + 1;
            cholesky |= ratings.Length >= k + 1;
            MathNetMatrix z = MathNetMatrix.Build.Dense(ratings.Length, k + 1, (t, j) => Feature(model, train.Items[ratings[t]], j));
            double c = lambda * ratings.Length;
            MathNetMatrix inverse = (z.TransposeThisAndMultiply(z) + (c * MathNetMatrix.Build.DenseIdentity(k + 1))).Inverse();
            df += (z * inverse * z.Transpose()).Trace();
            int[] all = [.. Enumerable.Range(0, items)];
            double[] got = variance.WithNoiseVariance(sigma2).ForUser(u, all);
            foreach (int i in all)
            {
                MathNetVector zi = MathNetVector.Build.Dense(k + 1, j => Feature(model, i, j));
                double expected = sigma2 * (1.0 + (zi * inverse * zi));
                double scale = sigma2 * (1.0 + (zi * zi / c));
                Assert.True(Math.Abs(got[i] - expected) <= BruteForceTolerance * scale,
                    $"seed {seed}, user {u} ({ratings.Length} ratings, k = {k}), item {i}: {got[i]:R} vs brute force {expected:R}");
            }
        }
        Assert.True(pushThrough || cholesky);
        double rss = Enumerable.Range(0, train.Count).Sum(r => Math.Pow(train.Values[r] - model.Predict(train.Users[r], train.Items[r]), 2));
        Assert.True(Math.Abs(variance.DegreesOfFreedom - df) <= BruteForceTolerance * users * (k + 1), $"df {variance.DegreesOfFreedom:R} vs {df:R}");
        if (train.Count > df)
        {
            Assert.True(Math.Abs(variance.NoiseVariance - (rss / (train.Count - df))) <= BruteForceTolerance * rss / (train.Count - df), $"σ² {variance.NoiseVariance:R}");
        }
        else
        {
            Assert.True(double.IsNaN(variance.NoiseVariance), "no residual degree of freedom: σ² is not estimable");
        }
    }

    [Fact]
    public void PushThroughAndCholeskyAgreeAsTheRatingsCrossKPlusOne()
    {
        // k = 3: n = 1..3 ratings take the push-through path, n = 4..8 the Cholesky path.
        var rng = new Rng(11);
        const int k = 3, items = 8;
        BiasedMf model = RandomModel(1, items, k, rng);
        for (int n = 1; n <= items; n++)
        {
            var train = new RatingSet(new int[n], [.. Enumerable.Range(0, n)], [.. Enumerable.Range(0, n).Select(_ => rng.Gaussian())], [1L], [.. Enumerable.Range(1, items).Select(x => (long)x)], "hand");
            double[] got = PredictiveVariance.Fit(model, train, 0.3).WithNoiseVariance(1.0).ForUser(0, [.. Enumerable.Range(0, items)]);
            MathNetMatrix z = MathNetMatrix.Build.Dense(n, k + 1, (t, j) => Feature(model, t, j));
            MathNetMatrix inverse = (z.TransposeThisAndMultiply(z) + (0.3 * n * MathNetMatrix.Build.DenseIdentity(k + 1))).Inverse();
            for (int i = 0; i < items; i++)
            {
                MathNetVector zi = MathNetVector.Build.Dense(k + 1, j => Feature(model, i, j));
                Assert.True(Math.Abs(got[i] - (1.0 + (zi * inverse * zi))) <= BruteForceTolerance * (1.0 + (zi * zi / (0.3 * n))), $"n = {n}, item {i}");
            }
        }
    }

    [Fact]
    public void ZValuesAreTheNormalQuantiles()
    {
        Assert.True(Math.Abs(MathNet.Numerics.Distributions.Normal.CDF(0, 1, IntervalCoverage.Z80) - 0.90) < 1e-15);
        Assert.True(Math.Abs(MathNet.Numerics.Distributions.Normal.CDF(0, 1, IntervalCoverage.Z95) - 0.975) < 1e-15);
        Assert.Throws<ArgumentOutOfRangeException>(() => IntervalCoverage.Z(0.9));
    }

    /// <summary>
    /// The model's own assumptions, the item side known: 2,000 users, xᵤ = [bᵤ; pᵤ] drawn from the prior
    /// N(0, σ²/(λnᵤ)·I), nᵤ ∈ {2, 5, 12, 30} training ratings (k = 4: both paths) and one test rating each,
    /// r = μ + bᵢ + zᵢᵀxᵤ + ε, ε ~ N(0, σ²). The posterior mean is solved here with MathNet (not by the code under
    /// test) and becomes the model's user side. Averaged over the prior, the Bayesian interval covers exactly its level,
    /// so the coverage must be within 4 Monte-Carlo standard errors √(p(1 − p)/2000) of it — with σ² known, and with σ²
    /// estimated by RSS/(N − df). Negative control: half the σ (¼ of σ²) covers ≈ 68 % at 95 %, far outside.
    /// </summary>
    [Theory]
    [InlineData(21UL)]
    [InlineData(22UL)]
    public void IntervalsCoverTheirLevelOnDataFromTheModel(ulong seed)
    {
        const int users = 2000, items = 300, k = 4;
        const double sigma = 0.5, lambda = 0.1, mu = 3.0;
        var rng = new Rng(seed);
        Matrix q = rng.GaussianMatrix(items, k, 0.7);
        double[] itemBias = [.. Enumerable.Range(0, items).Select(_ => rng.Gaussian(0, 0.3))];
        var model = new BiasedMf(mu, new double[users], itemBias, new Matrix(users, k), q);
        var trainUsers = new List<int>();
        var trainItems = new List<int>();
        var trainValues = new List<double>();
        int[] testItems = new int[users];
        double[] testValues = new double[users];
        int[] counts = [2, 5, 12, 30];
        for (int u = 0; u < users; u++)
        {
            int n = counts[u % counts.Length];
            double[] x = [.. Enumerable.Range(0, k + 1).Select(_ => rng.Gaussian(0, sigma / Math.Sqrt(lambda * n)))];
            int[] chosen = rng.Permutation(items)[..(n + 1)];
            double Draw(int i) => mu + itemBias[i] + x[0] + Enumerable.Range(0, k).Sum(f => q[i, f] * x[f + 1]) + rng.Gaussian(0, sigma);
            foreach (int i in chosen[..n])
            {
                trainUsers.Add(u);
                trainItems.Add(i);
                trainValues.Add(Draw(i));
            }
            testItems[u] = chosen[n];
            testValues[u] = Draw(chosen[n]);
            int start = trainValues.Count - n;
            MathNetMatrix z = MathNetMatrix.Build.Dense(n, k + 1, (t, j) => Feature(model, trainItems[start + t], j));
            MathNetVector y = MathNetVector.Build.Dense(n, t => trainValues[start + t] - mu - itemBias[trainItems[start + t]]);
            MathNetVector mean = (z.TransposeThisAndMultiply(z) + (lambda * n * MathNetMatrix.Build.DenseIdentity(k + 1))).Solve(z.TransposeThisAndMultiply(y));
            model.UserBias[u] = mean[0];
            for (int f = 0; f < k; f++)
            {
                model.P[u, f] = mean[f + 1];
            }
        }
        long[] userIds = [.. Enumerable.Range(1, users).Select(x => (long)x)];
        long[] itemIds = [.. Enumerable.Range(1, items).Select(x => (long)x)];
        var train = new RatingSet([.. trainUsers], [.. trainItems], [.. trainValues], userIds, itemIds, "planted");
        var test = new RatingSet([.. Enumerable.Range(0, users)], testItems, testValues, userIds, itemIds, "planted test");
        bool[] cold = RatingMetrics.Cold(train, test);
        PredictiveVariance estimated = PredictiveVariance.Fit(model, train, lambda);

        foreach ((string label, PredictiveVariance variance) in new[] { ("σ² known", estimated.WithNoiseVariance(sigma * sigma)), ("σ² = RSS/(N − df)", estimated) })
        {
            Dictionary<string, object> metrics = IntervalCoverage.Metrics(model, variance, test, cold);
            Assert.Equal(users, metrics["intervalTestRatings"]);
            AssertCovers(0.80, (double)metrics["intervalCoverage80"], users, $"{label}, seed {seed}");
            AssertCovers(0.95, (double)metrics["intervalCoverage95"], users, $"{label}, seed {seed}");
        }
        double halved = (double)IntervalCoverage.Metrics(model, estimated.WithNoiseVariance(sigma * sigma / 4), test, cold)["intervalCoverage95"];
        Assert.True(Math.Abs(halved - 0.95) > 4 * Math.Sqrt(0.95 * 0.05 / users), $"half the σ covers {halved:F4}: the coverage test must be able to fail");
        Assert.True(Math.Abs(estimated.NoiseVariance - (sigma * sigma)) < 0.05 * sigma * sigma, $"σ² estimated {estimated.NoiseVariance:F4}, true {sigma * sigma}");
    }

    [Fact]
    public void ColdTestRatingsAreLeftOut()
    {
        var ids = new long[] { 1, 2, 3 };
        var train = new RatingSet([0, 0, 1, 1], [0, 1, 0, 1], [4.0, 3.0, 2.0, 5.0], ids, ids, "hand");
        var test = new RatingSet([0, 2, 1], [2, 0, 1], [4.0, 3.0, 4.5], ids, ids, "hand");
        BiasedMf model = RandomModel(3, 3, 1, new Rng(5)).ZeroRowsWithoutRatings(train);
        Dictionary<string, object> metrics = IntervalCoverage.Metrics(model, PredictiveVariance.Fit(model, train, 0.1).WithNoiseVariance(1.0), test, RatingMetrics.Cold(train, test));
        Assert.Equal(1, metrics["intervalTestRatings"]);
        Dictionary<string, object> none = IntervalCoverage.Metrics(model, PredictiveVariance.Fit(model, train, 0.1), test, [true, true, true]);
        Assert.Equal(0, none["intervalTestRatings"]);
        Assert.StartsWith("no warm test rating", Assert.IsType<Core.Reporting.NotComputed>(none["intervalCoverage95"]).Reason, StringComparison.Ordinal);
    }

    private static void AssertCovers(double level, double coverage, int count, string label)
    {
        double se = Math.Sqrt(level * (1 - level) / count);
        Assert.True(Math.Abs(coverage - level) <= 4 * se, $"{label}: the {level:P0} interval covers {coverage:F4}, outside {level} ± 4·{se:F4}");
    }

    private static double Feature(BiasedMf model, int item, int j) => j == 0 ? 1.0 : model.Q[item, j - 1];

    private static BiasedMf RandomModel(int users, int items, int k, Rng rng) => new(
        rng.Uniform(2, 4), [.. Enumerable.Range(0, users).Select(_ => rng.Gaussian(0, 0.5))], [.. Enumerable.Range(0, items).Select(_ => rng.Gaussian(0, 0.5))],
        rng.GaussianMatrix(users, k, 0.6), rng.GaussianMatrix(items, k, 0.6));

    private static RatingSet RandomRatings(int users, int items, double density, Rng rng)
    {
        var u = new List<int>();
        var i = new List<int>();
        var r = new List<double>();
        for (int a = 0; a < users; a++)
        {
            for (int b = 0; b < items; b++)
            {
                if (rng.NextDouble() < density || (a == 0 && b == 0))
                {
                    u.Add(a);
                    i.Add(b);
                    r.Add(rng.Uniform(0.5, 5.0));
                }
            }
        }
        return new RatingSet([.. u], [.. i], [.. r], [.. Enumerable.Range(1, users).Select(x => (long)x)], [.. Enumerable.Range(1, items).Select(x => (long)x)], "random");
    }
}
