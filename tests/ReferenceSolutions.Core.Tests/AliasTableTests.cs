using FsCheck.Xunit;
using ReferenceSolutions.Core.Randomness;

namespace ReferenceSolutions.Core.Tests;

/// <summary>
/// The alias table's implied law Pr(i) = (pᵢ + Σ_{alias j = i} (1 − pⱼ))/n equals wᵢ/Σw to rounding, for random weights
/// with zeros and wide ranges; and drawn frequencies match it within 5 binomial standard deviations.
/// </summary>
public class AliasTableTests
{
    [Property(MaxTest = 200)]
    public void TheTableHoldsExactlyTheNormalisedWeights(int seed)
    {
        var random = new Random(seed);
        int n = random.Next(1, 60);
        double[] weights = [.. Enumerable.Range(0, n).Select(_ => random.Next(5) == 0 ? 0.0 : Math.Pow(10, random.Next(-6, 7)) * random.NextDouble())];
        weights[random.Next(n)] = 1.0;
        var table = new AliasTable(weights);
        double total = weights.Sum();
        for (int i = 0; i < n; i++)
        {
            Assert.True(Math.Abs(table.Probability(i) - (weights[i] / total)) <= 1e-12, $"outcome {i} of {n}: {table.Probability(i)} vs {weights[i] / total}");
        }
    }

    [Fact]
    public void DrawsFollowTheWeights()
    {
        double[] weights = [1.0, 0.0, 3.0, 6.0];
        var table = new AliasTable(weights);
        var rng = new Rng(7);
        const int draws = 200_000;
        int[] counts = new int[weights.Length];
        for (int d = 0; d < draws; d++)
        {
            counts[table.Draw(rng)]++;
        }
        for (int i = 0; i < weights.Length; i++)
        {
            double p = weights[i] / 10.0;
            double sd = Math.Sqrt(draws * p * (1 - p));
            Assert.True(Math.Abs(counts[i] - (draws * p)) <= 5 * sd, $"outcome {i}: {counts[i]} draws, expected {draws * p} ± {5 * sd}");
        }
        Assert.Equal(0, counts[1]);
    }

    [Theory]
    [InlineData(new double[0])]
    [InlineData(new[] { 0.0, 0.0 })]
    [InlineData(new[] { 1.0, -1.0 })]
    [InlineData(new[] { 1.0, double.NaN })]
    public void WeightsThatAreNoLawAreRejected(double[] weights) =>
        Assert.Throws<ArgumentException>(() => new AliasTable(weights));
}
