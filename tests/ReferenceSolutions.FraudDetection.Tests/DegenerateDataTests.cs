using System.Globalization;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.FraudDetection.Anomaly;
using ReferenceSolutions.FraudDetection.Intervals;
using ReferenceSolutions.FraudDetection.LogisticRegression;
using ReferenceSolutions.FraudDetection.Reporting;

namespace ReferenceSolutions.FraudDetection.Tests;

/// <summary>
/// What the math does on data where a quantity does not exist: singular covariances are declined naming the feature,
/// a zero or undefined DeLong variance gives no interval and no test, a singular Newton system ends the solve
/// unconverged in both twins, and a whole run on such data reports null with the reason instead of failing.
/// </summary>
public sealed class DegenerateDataTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fraud-degenerate-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_singular_covariance_is_declined_naming_the_feature_that_makes_it_so()
    {
        var rng = new Rng(21);
        Matrix x = rng.GaussianMatrix(200, 6);
        string[] names = ["a", "b", "c", "d", "e", "f"];
        Assert.NotNull(MahalanobisDetector.TryFit(x, names).Detector);

        Matrix combination = x.Clone();
        Matrix nearly = x.Clone();
        Matrix constant = x.Clone();
        for (int i = 0; i < x.Rows; i++)
        {
            combination[i, 4] = x[i, 0] - (2 * x[i, 2]);
            nearly[i, 3] = x[i, 1] + (1e-7 * rng.Gaussian());
            constant[i, 5] = 4.0;
        }
        Assert.Contains("feature 'e' is a linear combination of the features before it over the 200 legitimate training rows",
            MahalanobisDetector.TryFit(combination, names).Reason, StringComparison.Ordinal);
        string near = MahalanobisDetector.TryFit(nearly, names).Reason!;
        Assert.Contains("feature 'd' is a linear combination of the features before it over the 200 legitimate training rows up to 1 − R² = ", near, StringComparison.Ordinal);
        Assert.Contains("(below 1e-10), so their covariance is numerically singular", near, StringComparison.Ordinal);
        Assert.Contains("feature 'f' is constant over the 200 legitimate training rows", MahalanobisDetector.TryFit(constant, names).Reason, StringComparison.Ordinal);
        Matrix few = rng.GaussianMatrix(6, 6);
        Assert.Contains("6 legitimate training rows in 6 features give a covariance of rank ≤ 5", MahalanobisDetector.TryFit(few, names).Reason, StringComparison.Ordinal);
        var thrown = Assert.Throws<LinearAlgebraException>(() => MahalanobisDetector.Fit(constant));
        Assert.Contains("feature 6 is constant", thrown.Message, StringComparison.Ordinal);

        Matrix distinct = x.Clone();
        for (int i = 0; i < x.Rows; i++)
        {
            distinct[i, 3] = x[i, 1] + (0.01 * rng.Gaussian());
        }
        Assert.NotNull(MahalanobisDetector.TryFit(distinct, names).Detector);
    }

    [Fact]
    public void DeLong_gives_no_interval_and_no_test_where_its_variance_is_zero_or_undefined()
    {
        double[] perfect = [0.9, 0.8, 0.7, 0.2, 0.1, 0.05];
        int[] y = [1, 1, 1, 0, 0, 0];
        Assert.Equal(0.0, DeLong.Variance(perfect, y));
        var zero = Assert.IsType<NotComputed>(ModelMetrics.DeLongInterval(1.0, perfect, y));
        Assert.StartsWith("DeLong's variance estimate is 0", zero.Reason, StringComparison.Ordinal);
        DeLong.Comparison both = DeLong.Compare(perfect, [.. perfect.Select(p => p * p)], y);
        Assert.True(double.IsNaN(both.Z) && double.IsNaN(both.PValue));

        int[] onePositive = [1, 0, 0, 0, 0, 0];
        Assert.True(double.IsNaN(DeLong.Variance(perfect, onePositive)));
        var single = Assert.IsType<NotComputed>(ModelMetrics.DeLongInterval(1.0, perfect, onePositive));
        Assert.Equal("DeLong's variance needs at least 2 frauds and 2 legitimate rows among the test rows, which hold 1 and 5", single.Reason);
        Assert.True(double.IsNaN(DeLong.Compare(perfect, [.. perfect.Reverse()], onePositive).Z));

        double[] mixed = [0.9, 0.3, 0.7, 0.8, 0.1, 0.05];
        double[] interval = Assert.IsType<double[]>(ModelMetrics.DeLongInterval(7.0 / 9.0, mixed, y));
        Assert.True(interval[0] < 7.0 / 9.0 && interval[1] > 7.0 / 9.0);
    }

    [Fact]
    public void A_singular_Newton_system_ends_both_twins_unconverged_instead_of_throwing()
    {
        // a constant feature duplicates the intercept; at θ = 0 every pᵢ(1 − pᵢ) is ¼, so with 64 rows the Hessian's
        // sums are exact and its pivot for that feature is exactly 0 (64 − 8²), for Cholesky and for LU alike
        var x = new Matrix(64, 2);
        int[] y = new int[64];
        for (int i = 0; i < 64; i++)
        {
            x[i, 0] = 2.0;
            x[i, 1] = i % 7;
            y[i] = i % 3 == 0 ? 1 : 0;
        }
        NewtonFit scratch = new NewtonLogisticRegression().Solve(x, y, 0.0);
        NewtonFit torch = new TorchLogisticRegression().Solve(x, y, 0.0);
        Assert.False(scratch.Converged);
        Assert.False(torch.Converged);
        Assert.True(new NewtonLogisticRegression().Solve(x, y, 0.1).Converged);
    }

    [Fact]
    public void A_run_on_separable_constant_data_writes_null_results_with_reasons()
    {
        var text = new System.Text.StringBuilder("Time,V1,V2,Class\n");
        for (int i = 0; i < 400; i++)
        {
            int label = i % 10 == 0 ? 1 : 0;
            text.Append(CultureInfo.InvariantCulture, $"{i},{label},2,{label}\n");
        }
        string path = Path.Combine(_folder, "flat.csv");
        File.WriteAllText(path, text.ToString());
        string folder = Path.Combine(_folder, "run");
        RunReport report = new FraudSolution().Run(new RunContext(1, folder, SilentProgress.Instance), new FraudRunOptions(DataFile: path, BootstrapReplicates: 50)).WithComputedCheck();

        IReadOnlyDictionary<string, object> logreg = report.Models[0].Metrics;
        Assert.Equal(1.0, logreg["auc"]);
        Assert.IsType<NotComputed>(logreg["aucDeLongCi95"]);
        IReadOnlyDictionary<string, object> pcaNet = report.Models[5].Metrics;
        Assert.Equal(report.Models[0].Metrics.Keys, pcaNet.Keys);
        Assert.All(pcaNet.Values, v => Assert.Contains("RandomizedPca could not fit", Assert.IsType<NotComputed>(v).Reason, StringComparison.Ordinal));
        Assert.Contains("feature 'V1' is constant", Assert.IsType<NotComputed>(report.Models[4].Metrics["mahalanobisAuc"]).Reason, StringComparison.Ordinal);
        Assert.False(report.AllQualityPassed);

        string json = JsonOutput.Serialize(report);
        Assert.Contains("\"aucDeLongCi95\": null", json, StringComparison.Ordinal);
        Assert.Contains("\"aucDeLongCi95NotComputed\": \"DeLong's variance estimate is 0", json, StringComparison.Ordinal);
        string[] predictions = File.ReadAllLines(Path.Combine(folder, "predictions.csv"));
        Assert.EndsWith(",pca-anomaly-mlnet,logreg-from-scratch.lo,logreg-from-scratch.hi", predictions[0], StringComparison.Ordinal);
        Assert.All(predictions.Skip(1), line => Assert.Equal("", line.Split(',')[6]));
    }

    [Fact]
    public void A_singular_Hessian_leaves_the_coefficients_not_computed_and_the_predictions_without_intervals()
    {
        var x = new Matrix(4, 2, [1, 0, -1, 0, 2, 0, -2, 0]);
        var table = CoefficientTable.Of(x, 0.0, new LogisticModel(0.1, [0.5, 0.0]), FraudDetection.Data.Standardizer.Fit(x), ["a", "b"]);
        Assert.Contains("not numerically positive definite", Assert.IsType<NotComputed>(table.Rows(rawUnits: false)).Reason, StringComparison.Ordinal);
        Assert.IsType<NotComputed>(table.Rows(rawUnits: true));
        Assert.Null(table.PredictionIntervals(x));
        string png = Path.Combine(_folder, "coefficients.png");
        FraudPlots.Coefficients(png, table, [0.5, 0.0], 0.0);
        Assert.True(File.Exists(png));
    }

    [Theory]
    [InlineData(0.0, 0.0, null, "--fp-cost and --fn-cost are both 0")]
    [InlineData(1.0, 1e101, null, "costs must be in [0, 1E+100]")]
    [InlineData(double.NaN, 1.0, null, "costs must be in [0, 1E+100]")]
    [InlineData(1.0, 50.0, 1e-13, "--prior must be a fraud prevalence in [1E-12, 1 − 1E-12]")]
    [InlineData(1.0, 50.0, 1.0, "--prior must be a fraud prevalence in [1E-12, 1 − 1E-12]")]
    public void Costs_and_priors_whose_sums_would_leave_float64_are_refused(double fp, double fn, double? prior, string expected)
    {
        var options = new FraudRunOptions(FalsePositiveCost: fp, FalseNegativeCost: fn, Prior: prior);
        Assert.Contains(expected, Assert.Throws<UserInputException>(options.Validate).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_limits_accept_their_edges_and_refuse_beyond_them()
    {
        new FraudRunOptions(FalsePositiveCost: 0, FalseNegativeCost: FraudLimits.MaxCost, Prior: FraudLimits.MinPrior, Lambda: FraudLimits.MaxLambda).Validate();
        Assert.Contains("--l2 must be a λ in (0, 3.4028234663852886E+38]", Assert.Throws<UserInputException>(new FraudRunOptions(Lambda: 1e39).Validate).Message, StringComparison.Ordinal);
        Assert.Contains("--max-rows must be a positive number, not 0", Assert.Throws<UserInputException>(new FraudRunOptions(MaxRows: 0).Validate).Message, StringComparison.Ordinal);

        var data = new Data.LabeledData(new Matrix(3, 2), [0, 1, 0], ["a", "b"], "t.csv");
        FraudLimits.CheckRunShape(data, maxRows: 3, maxFeatures: 2);
        Assert.StartsWith("t.csv: 3 rows exceed --max-rows 2", Assert.Throws<UserInputException>(() => FraudLimits.CheckRunShape(data, 2, 2)).Message, StringComparison.Ordinal);
        Assert.StartsWith("t.csv: 2 features exceed --max-features 1", Assert.Throws<UserInputException>(() => FraudLimits.CheckRunShape(data, 3, 1)).Message, StringComparison.Ordinal);
        var narrow = new Data.LabeledData(new Matrix(3, 1), [0, 1, 0], ["a"], "t.csv");
        Assert.StartsWith("t.csv: 1 feature after taking out the label and the time column", Assert.Throws<UserInputException>(() => FraudLimits.CheckRunShape(narrow, 3, 2)).Message, StringComparison.Ordinal);
    }
}
