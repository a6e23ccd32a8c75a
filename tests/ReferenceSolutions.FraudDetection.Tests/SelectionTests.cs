using FsCheck;
using FsCheck.Fluent;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.FraudDetection.Data;
using ReferenceSolutions.FraudDetection.Selection;
using Xunit.Abstractions;

namespace ReferenceSolutions.FraudDetection.Tests;

/// <summary>The protocol's pieces: the time and stratified splits, the time column, and the choice of λ without test rows.</summary>
public class SelectionTests(ITestOutputHelper output)
{
    [Fact]
    public void Time_split_trains_on_the_past_validates_on_the_latest_training_rows_and_tests_on_the_future()
    {
        Gen<double[]> times =
            from n in Gen.Choose(10, 400)
            from levels in Gen.Elements(3, 50, 1_000_000)
            from seed in Gen.Choose(0, int.MaxValue)
            select RandomTimes((ulong)seed, n, levels);
        Prop.ForAll(times.ToArbitrary(), time =>
        {
            FraudSplit split = FraudSplit.ByTime(time);
            int n = time.Length;
            Assert.Equal(Enumerable.Range(0, n), split.Train.Concat(split.Test).Order());
            Assert.Equal(split.Train, split.Fit.Concat(split.Validation).Order());
            Assert.Equal((int)Math.Round(0.3 * n), split.Test.Length);
            Assert.Equal((int)Math.Round(0.2 * split.Train.Length), split.Validation.Length);
            Assert.True(split.Train.Max(i => time[i]) <= split.Test.Min(i => time[i]), "a training row is later than a test row");
            if (split.Validation.Length > 0)
            {
                Assert.True(split.Fit.Max(i => time[i]) <= split.Validation.Min(i => time[i]), "a fit row is later than a validation row");
            }
            Assert.Null(split.Folds);
            Assert.Equal(split.Validation, split.HeldOut);
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Stratified_split_deals_the_training_rows_into_five_stratified_folds()
    {
        var rng = new Rng(3);
        int[] y = [.. Enumerable.Range(0, 1000).Select(_ => rng.NextDouble() < 0.05 ? 1 : 0)];
        FraudSplit split = FraudSplit.Stratified(y, new Rng(4));
        Assert.Equal(Enumerable.Range(0, 1000), split.Train.Concat(split.Test).Order());
        Assert.Equal((int)Math.Round(0.3 * y.Count(v => v == 1)), split.Test.Count(i => y[i] == 1));
        Assert.Equal(split.Train, split.Fit);
        Assert.Empty(split.Validation);
        int[][] folds = split.Folds!;
        Assert.Equal(FraudSplit.FoldCount, folds.Length);
        Assert.Equal(split.Train, folds.SelectMany(f => f).Order());
        int positives = split.Train.Count(i => y[i] == 1);
        Assert.All(folds, fold => Assert.InRange(fold.Count(i => y[i] == 1), positives / 5, (positives / 5) + 1));
        Assert.Equal(split.Train, split.HeldOut.Order());
        Assert.All(split.Parts, part => Assert.Empty(part.Training.Intersect(part.HeldOut)));
    }

    [Fact]
    public void Time_column_is_taken_out_of_the_features_and_bad_names_are_usage_errors()
    {
        LabeledData generated = TransactionGenerator.Generate(200, 1);
        (LabeledData data, double[]? time) = TimeColumn.Separate(generated, new FraudRunOptions());
        Assert.DoesNotContain("Time", data.FeatureNames);
        Assert.Equal(generated.Features - 1, data.Features);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => generated.X[i, 0]), time!);
        LabeledData noTime = data;
        Assert.Null(TimeColumn.Separate(noTime, new FraudRunOptions()).Time);
        var missing = Assert.Throws<UserInputException>(() => TimeColumn.Separate(noTime, new FraudRunOptions(TimeColumn: "When")));
        Assert.Equal($"--time-column 'When': {noTime.Source} has no such column", missing.Message);
        var noClock = Assert.Throws<UserInputException>(() => TimeColumn.Separate(noTime, new FraudRunOptions(Split: "time")));
        Assert.StartsWith("--split time:", noClock.Message, StringComparison.Ordinal);
        (LabeledData renamed, double[]? amount) = TimeColumn.Separate(generated, new FraudRunOptions(TimeColumn: "Amount"));
        Assert.Contains("Time", renamed.FeatureNames);
        Assert.DoesNotContain("Amount", renamed.FeatureNames);
        Assert.NotNull(amount);
        var split = Assert.Throws<UserInputException>(() => new FraudRunOptions(Split: "random").Validate());
        Assert.Equal("--split must be 'time' or 'stratified', not 'random'", split.Message);
    }

    [Fact]
    public void Lambda_is_chosen_on_held_out_rows_only_and_follows_the_evidence()
    {
        LabeledData noisy = Planted(160, 25, 0.6, 31);
        FraudSplit noisySplit = FraudSplit.Stratified(noisy.Y, new Rng(32));
        double[] scores = LambdaSelection.Scores(noisy, noisySplit.Parts, LambdaSelection.Grid);
        LabeledData tampered = noisy with { X = noisy.X.Clone(), Y = (int[])noisy.Y.Clone() };
        foreach (int i in noisySplit.Test)
        {
            tampered.Y[i] = 1 - tampered.Y[i];
            tampered.X.Row(i).Fill(1e6);
        }
        Assert.Equal(scores, LambdaSelection.Scores(tampered, noisySplit.Parts, LambdaSelection.Grid));
        int chosen = LambdaSelection.Best(scores);
        Assert.True(scores.All(s => s >= scores[chosen]));
        LabeledData clean = Planted(6000, 3, 2.0, 33);
        FraudSplit cleanSplit = FraudSplit.Stratified(clean.Y, new Rng(34));
        double[] cleanScores = LambdaSelection.Scores(clean, cleanSplit.Parts, LambdaSelection.Grid);
        output.WriteLine($"160 rows × 25 features, weak signal: λ = {LambdaSelection.Grid[chosen]} ({string.Join(", ", scores.Select(s => s.ToString("0.0000")))}); 6000 × 3, strong: λ = {LambdaSelection.Grid[LambdaSelection.Best(cleanScores)]} ({string.Join(", ", cleanScores.Select(s => s.ToString("0.0000")))})");
        Assert.True(LambdaSelection.Grid[chosen] >= 10, "25 noise-heavy features on 160 rows need strong shrinkage");
        Assert.True(LambdaSelection.Grid[LambdaSelection.Best(cleanScores)] <= 1, "3 strong features on 6000 rows need little");
        Assert.Equal(-1, LambdaSelection.Best([double.NaN, double.NaN]));
    }

    private static double[] RandomTimes(ulong seed, int n, int levels)
    {
        var rng = new Rng(seed);
        return [.. Enumerable.Range(0, n).Select(_ => (double)rng.NextInt(levels))];
    }

    /// <summary>n rows of d standard-normal features; y from σ(−1 + strength·x₁), so only the first feature matters.</summary>
    private static LabeledData Planted(int n, int d, double strength, ulong seed)
    {
        var rng = new Rng(seed);
        Matrix x = rng.GaussianMatrix(n, d);
        int[] y = [.. Enumerable.Range(0, n).Select(i => rng.NextDouble() < 1 / (1 + Math.Exp(1 - (strength * x[i, 0]))) ? 1 : 0)];
        return new LabeledData(x, y, [.. Enumerable.Range(1, d).Select(j => $"x{j}")], $"planted (seed {seed})");
    }
}
