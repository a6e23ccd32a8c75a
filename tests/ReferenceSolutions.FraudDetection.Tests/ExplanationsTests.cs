using FsCheck;
using FsCheck.Fluent;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.FraudDetection.Data;
using ReferenceSolutions.FraudDetection.Explanations;
using ReferenceSolutions.FraudDetection.LogisticRegression;
using ReferenceSolutions.FraudDetection.Production;
using ReferenceSolutions.FraudDetection.Selection;
using ReferenceSolutions.TestSupport;
using Xunit.Abstractions;

namespace ReferenceSolutions.FraudDetection.Tests;

/// <summary>Linear contributions against ML.NET's CalculateFeatureContribution; permutation importance on planted problems and against ML.NET's PFI.</summary>
public class ExplanationsTests(ITestOutputHelper output)
{
    private const int Repeats = 10;

    [Fact]
    public void MLNet_contributions_equal_its_weights_times_the_features_raw_and_normalised()
    {
        (Matrix x, int[] y) = TestData.Logistic(1500, 6, 31);
        MLNetLogisticModel mlnet = new MLNetLogisticRegression(31).Train(x, y, 1.0);
        ParityAssert.Passes(FraudChecks.ContributionsMLNet, ContributionComparisons.OwnWeights(mlnet, x));
        Matrix normalised = MLNetExplanations.Contributions(mlnet.Trained.Model, x, normalize: true);
        double u = Math.ScaleB(1.0, -24);
        for (int i = 0; i < x.Rows; i++)
        {
            Assert.InRange(normalised.Row(i).ToArray().Max(Math.Abs), 1 - (2 * u), 1 + (2 * u));
        }
    }

    [Fact]
    public void From_scratch_contributions_match_MLNet_within_the_theta_bound()
    {
        (Matrix x, int[] y) = TestData.Logistic(3000, 8, 32);
        LogisticModel scratch = new NewtonLogisticRegression().Solve(x, y, 1.0).Model;
        MLNetLogisticModel mlnet = new MLNetLogisticRegression(32).Train(x, y, 1.0);
        Comparison comparison = ContributionComparisons.FromScratch(scratch, mlnet, x);
        output.WriteLine($"max |Δc| / (‖θ‖∞·|z|) = {comparison.MaxAbsDiff:E3}");
        ParityAssert.Passes(FraudChecks.ContributionsScratchMLNet, comparison);
    }

    [Fact]
    public void Contribution_checks_fail_on_a_NaN_and_on_the_intercept_folded_in()
    {
        (Matrix x, int[] y) = TestData.Logistic(2000, 5, 33, intercept: -2.0);
        LogisticModel scratch = new NewtonLogisticRegression().Solve(x, y, 1.0).Model;
        MLNetLogisticModel mlnet = new MLNetLogisticRegression(33).Train(x, y, 1.0);
        Matrix theirs = MLNetExplanations.Contributions(mlnet.Trained.Model, x, normalize: false);
        double norm = Norms.MaxAbs(scratch.Theta);
        Matrix withNaN = LinearContributions.Of(x, scratch.Weights);
        withNaN[7, 2] = double.NaN;
        ParityAssert.Fails(FraudChecks.ContributionsScratchMLNet, ContributionComparisons.FromScratch(withNaN, theirs, x, norm));
        Matrix interceptShared = LinearContributions.Of(x, scratch.Weights);
        for (int i = 0; i < x.Rows; i++)
        {
            for (int j = 0; j < x.Columns; j++)
            {
                interceptShared[i, j] += scratch.Intercept / x.Columns;
            }
        }
        ParityAssert.Fails(FraudChecks.ContributionsScratchMLNet, ContributionComparisons.FromScratch(interceptShared, theirs, x, norm));
    }

    [Fact]
    public void Permutation_importance_ranks_the_planted_strongest_feature_first_and_gives_a_zero_weight_feature_exactly_zero()
    {
        double[] w = [0.5, 2.0, 1.0, 0.0];
        var truth = new LogisticModel(-1.0, w);
        Matrix x = new Rng(34).GaussianMatrix(4000, w.Length);
        int[] y = Labels(truth, x, new Rng(35));
        FeatureImportance[] importances = PermutationImportance.Compute(x, y, truth.Probabilities, ["a", "b", "c", "zero"], Repeats, new Rng(36));
        foreach (FeatureImportance f in importances)
        {
            output.WriteLine($"{f.Feature}: AUC drop {f.AucDrop:0.00000} ± {f.AucDropSe:0.00000}, log-loss +{f.LogLossIncrease:0.00000} ± {f.LogLossIncreaseSe:0.00000}");
        }
        Assert.Equal([1, 2, 0, 3], PermutationImportance.Top(importances, 4));
        Assert.Equal(new FeatureImportance("zero", 0, 0, 0, 0), importances[3]);
        Assert.All(importances[..3], f => Assert.True(f.AucDrop > 10 * f.AucDropSe && f.LogLossIncrease > 10 * f.LogLossIncreaseSe, f.ToString()));
        FeatureImportance[] again = PermutationImportance.Compute(x, y, truth.Probabilities, ["a", "b", "c", "zero"], Repeats, new Rng(36));
        Assert.Equal(importances, again);
    }

    [Fact]
    public void Each_stacked_copy_permutes_only_its_column_and_the_sample_keeps_both_classes()
    {
        Gen<(int Rows, int Columns, int Column, int Seed)> cases =
            from rows in Gen.Choose(2, 60)
            from columns in Gen.Choose(1, 5)
            from column in Gen.Choose(0, columns - 1)
            from seed in Gen.Choose(0, int.MaxValue)
            select (rows, columns, column, seed);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var rng = new Rng((ulong)c.Seed);
            Matrix x = rng.GaussianMatrix(c.Rows, c.Columns);
            int[][] permutations = [rng.Permutation(c.Rows), rng.Permutation(c.Rows), rng.Permutation(c.Rows)];
            Matrix stacked = PermutationImportance.Stack(x, c.Column, permutations);
            Assert.Equal(3 * c.Rows, stacked.Rows);
            for (int r = 0; r < permutations.Length; r++)
            {
                Assert.Equal(Enumerable.Range(0, c.Rows), permutations[r].Order());
                for (int j = 0; j < c.Columns; j++)
                {
                    double[] before = [.. Enumerable.Range(0, c.Rows).Select(i => x[i, j])], after = [.. Enumerable.Range(0, c.Rows).Select(i => stacked[(r * c.Rows) + i, j])];
                    Assert.Equal(before.Order(), after.Order());
                    Assert.Equal(j == c.Column ? [.. permutations[r].Select(i => before[i])] : before, after);
                }
            }
            int[] y = [.. Enumerable.Range(0, c.Rows).Select(i => i == 0 ? 1 : i == 1 ? 0 : (int)(rng.NextUInt64() % 2))];
            int m = Math.Max(2, c.Rows / 3);
            int[] sample = PermutationImportance.Sample(y, m, rng);
            Assert.Equal(Math.Min(m, c.Rows), sample.Length);
            Assert.Equal(sample.Order().Distinct(), sample);
            Assert.Contains(sample, i => y[i] == 1);
            Assert.Contains(sample, i => y[i] == 0);
            double[] weights = PermutationImportance.ClassWeights(y, sample);
            Assert.Equal(c.Rows, weights.Sum(), 1e-9);
            Assert.Equal(y.Count(v => v == 1), sample.Select((i, k) => y[i] * weights[k]).Sum(), 1e-9);
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(1.0, 0.9)]
    [InlineData(1.0, 0.99916666666666665)]
    [InlineData(2.0, 0.99916666666666665)]
    [InlineData(2.0, 0.75)]
    [InlineData(1.0, 0.9999999)]
    public void The_t_quantile_matches_the_closed_forms_for_one_and_two_degrees_of_freedom(double nu, double p)
    {
        double expected = nu == 1.0 ? Math.Tan(Math.PI * (p - 0.5)) : ((2 * p) - 1) / Math.Sqrt(2 * p * (1 - p));
        double t = ImportanceComparisons.UpperQuantile(nu, p);
        Assert.True(Math.Abs(t - expected) <= 1e-9 * expected, $"ν = {nu}, p = {p}: {t} vs the closed form {expected}");
    }

    [Fact]
    public void The_allowance_is_finite_with_two_repeats_where_MathNets_InvCDF_does_not_converge()
    {
        foreach ((double se1, double se2) in new[] { (1e-3, 0.0), (1e-3, 1e-3), (2e-3, 1e-4) })
        {
            double k = ImportanceComparisons.Allowance(se1, se2, repeats: 2, features: 30);
            Assert.True(double.IsFinite(k) && k > 12.7, $"se {se1}, {se2}: k = {k}");
        }
        Assert.Equal(MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, 10, 0.999), ImportanceComparisons.UpperQuantile(10, 0.999), 9);
    }

    [Fact]
    public void PFI_agreement_fails_against_a_mislabelled_feature_order()
    {
        var truth = new LogisticModel(-1.0, [3.0, -2.5, 2.0, -1.5, 1.0, 0, 0, 0]);
        Matrix x = new Rng(37).GaussianMatrix(1500, truth.Weights.Length);
        int[] y = Labels(truth, x, new Rng(39));
        MLNetLogisticModel mlnet = new MLNetLogisticRegression(37).Train(x, y, 1.0);
        string[] names = [.. Enumerable.Range(1, x.Columns).Select(j => $"x{j}")];
        FeatureImportance[] ours = PermutationImportance.Compute(x, y, rows => mlnet.Predict(rows).Probabilities(), names, Repeats, new Rng(38));
        FeatureImportance[] theirs = MLNetExplanations.PermutationImportance(mlnet.Trained.Model, x, y, names, Repeats, 38);
        ParityAssert.Passes(FraudChecks.PermutationImportanceLogReg, ImportanceComparisons.Means(ours, theirs, Repeats));
        ParityAssert.Passes(FraudChecks.PermutationTopLogReg, ImportanceComparisons.Top(ours, theirs, Repeats));
        FeatureImportance[] mislabelled = [.. theirs.Select((f, j) => theirs[(j + 1) % theirs.Length] with { Feature = f.Feature })];
        ParityAssert.Fails(FraudChecks.PermutationImportanceLogReg, ImportanceComparisons.Means(ours, mislabelled, Repeats));
        ParityAssert.Fails(FraudChecks.PermutationTopLogReg, ImportanceComparisons.Top(ours, mislabelled, Repeats));
    }

    [RealDataFact("creditcard-fraud/creditcard_sample.csv")]
    public void PFI_agrees_with_MLNet_on_the_credit_card_sample()
    {
        var options = new FraudRunOptions(DataFile: RealData.Path("creditcard-fraud/creditcard_sample.csv"));
        (LabeledData data, double[]? time) = TimeColumn.Separate(LabeledCsv.Read(options.DataFile!, options.Label), options);
        FraudSplit split = FraudSplit.ByTime(time!);
        LabeledData train = data.Subset(split.Train), test = data.Subset(split.Test);
        var scaler = Standardizer.Fit(train.X);
        Matrix x = scaler.Transform(train.X), z = scaler.Transform(test.X);
        MLNetLogisticModel logreg = new MLNetLogisticRegression(42).Train(x, train.Y, 1.0);
        FastTreeModel fastTree = FastTreeModel.Fit(x, train.Y, 42);
        var rng = new Rng(42);
        Rng logRegStream = rng.Fork(), treeStream = rng.Fork();
        Task<FeatureImportance[]>[] pfi =
        [
            Task.Run(() => PermutationImportance.Compute(z, test.Y, rows => logreg.Predict(rows).Probabilities(), data.FeatureNames, Repeats, logRegStream)),
            Task.Run(() => PermutationImportance.Compute(z, test.Y, fastTree.Probabilities, data.FeatureNames, Repeats, treeStream)),
            Task.Run(() => MLNetExplanations.PermutationImportance(logreg.Trained.Model, z, test.Y, data.FeatureNames, Repeats, 42)),
            Task.Run(() => MLNetExplanations.PermutationImportance(fastTree.Trained.Model, z, test.Y, data.FeatureNames, Repeats, 42)),
        ];
        FeatureImportance[][] results = Task.WhenAll(pfi).GetAwaiter().GetResult();
        (FeatureImportance[] oursLogReg, FeatureImportance[] oursTree, FeatureImportance[] theirsLogReg, FeatureImportance[] theirsTree) = (results[0], results[1], results[2], results[3]);
        foreach ((string model, FeatureImportance[] ours, FeatureImportance[] theirs) in new[] { ("logreg-mlnet", oursLogReg, theirsLogReg), ("fasttree-mlnet", oursTree, theirsTree) })
        {
            output.WriteLine($"{model}: top 5 ours {string.Join(", ", PermutationImportance.Top(ours, 5).Select(j => ours[j].Feature))}; ML.NET {string.Join(", ", PermutationImportance.Top(theirs, 5).Select(j => theirs[j].Feature))}");
        }
        ParityAssert.Passes(FraudChecks.PermutationImportanceLogReg, ImportanceComparisons.Means(oursLogReg, theirsLogReg, Repeats));
        ParityAssert.Passes(FraudChecks.PermutationTopLogReg, ImportanceComparisons.Top(oursLogReg, theirsLogReg, Repeats));
        ParityAssert.Passes(FraudChecks.PermutationImportanceFastTree, ImportanceComparisons.Means(oursTree, theirsTree, Repeats));
        ParityAssert.Passes(FraudChecks.PermutationTopFastTree, ImportanceComparisons.Top(oursTree, theirsTree, Repeats));
    }

    private static int[] Labels(LogisticModel truth, Matrix x, Rng rng) =>
        [.. truth.Probabilities(x).Select(p => rng.NextDouble() < p ? 1 : 0)];
}
