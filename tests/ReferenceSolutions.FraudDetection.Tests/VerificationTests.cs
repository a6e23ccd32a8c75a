using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.FraudDetection.LogisticRegression;
using ReferenceSolutions.FraudDetection.Verification;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.FraudDetection.Tests;

/// <summary>The verify commands' engines on small files: every comparison decides, NaN fails, located errors for bad input.</summary>
public sealed class VerificationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"fraud-verify-{Guid.NewGuid():N}");

    public VerificationTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string Scores(string name, double[] scores, int[] labels)
    {
        var text = new StringBuilder("label,score\n");
        for (int i = 0; i < scores.Length; i++)
        {
            text.Append(labels[i]).Append(',').Append(scores[i].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }
        return Write(name, text.ToString());
    }

    private string Logistic(string name, int n, int d, ulong seed, double scale)
    {
        (Core.LinearAlgebra.Matrix x, int[] y) = TestData.Logistic(n, d, seed);
        var text = new StringBuilder(string.Join(',', Enumerable.Range(1, d).Select(j => $"x{j}")) + ",fraud\n");
        for (int i = 0; i < y.Length; i++)
        {
            foreach (double v in x.Row(i))
            {
                text.Append((v * scale).ToString("R", CultureInfo.InvariantCulture)).Append(',');
            }
            text.Append(y[i]).Append('\n');
        }
        return Write(name, text.ToString());
    }

    private static JsonObject Entry(VerifyReport report, string name) => Assert.IsType<JsonObject>(report.Implementations[name]);

    [Fact]
    public void Verify_metrics_agrees_with_MLNet_and_names_its_fields()
    {
        (double[] s, int[] y) = MetricsTests.Random(4, 500, 40);
        string path = Scores("scores.csv", [.. s.Select(v => Math.Clamp(v, 0.001, 0.999))], y);
        MetricsVerification.Result result = MetricsVerification.Compute(path, 0.5);
        ParityAssert.Passes(FraudChecks.MetricsOnOurPredictions, result.Ours.CompareWith(result.MLNet));
        VerifyReport report = MetricsVerification.Report(result);
        Assert.True(report.Passed, report.Comparisons[0].Failure ?? $"max |diff| {report.MaxAbsDiff}");
        ParityCheck only = Assert.Single(report.Comparisons);
        Assert.Equal(FraudChecks.MetricsOnOurPredictions.Id, only.Id);
        Assert.Equal(["auc", "averagePrecision", "logLoss", "f1", "precision", "recall", "accuracy", "auprcLowerTrapezoid", "comparisons"], Entry(report, "from-scratch").Select(p => p.Key));
        Assert.Equal(only.Check, Entry(report, "mlnet")["comparisons"]![0]!.GetValue<string>());
    }

    [Fact]
    public void Verify_metrics_fails_on_a_NaN_metric()
    {
        (double[] s, int[] y) = MetricsTests.Random(5, 300, 40);
        MetricsVerification.Result result = MetricsVerification.Compute(Scores("nan.csv", s, y), 0.5);
        MetricsVerification.Result poisoned = result with { MLNet = result.MLNet with { Auc = double.NaN } };
        ParityAssert.Fails(FraudChecks.MetricsOnOurPredictions, poisoned.Ours.CompareWith(poisoned.MLNet));
        VerifyReport report = MetricsVerification.Report(poisoned);
        Assert.False(report.Passed);
        Assert.Equal("mlnet: auc is NaN", report.Comparisons[0].Failure);
        using JsonDocument json = JsonDocument.Parse(JsonOutput.Serialize(report));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("maxAbsDiff").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("implementations").GetProperty("mlnet").GetProperty("auc").ValueKind);
    }

    [Fact]
    public void Verify_metrics_shows_an_infinite_MLNet_log_loss_as_null_with_the_reason()
    {
        (double[] s, int[] y) = MetricsTests.Random(6, 200, 40);
        s[1] = 1.0;
        VerifyReport report = MetricsVerification.Run(Scores("inf.csv", s, y), 0.5);
        Assert.False(report.Passed);
        Assert.Equal("mlnet: logLoss is Infinity", report.Comparisons[0].Failure);
        using JsonDocument json = JsonDocument.Parse(JsonOutput.Serialize(report));
        JsonElement mlnet = json.RootElement.GetProperty("implementations").GetProperty("mlnet");
        Assert.Equal(JsonValueKind.Null, mlnet.GetProperty("logLoss").ValueKind);
        Assert.Contains("log-loss is infinite", mlnet.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.True(double.IsFinite(json.RootElement.GetProperty("implementations").GetProperty("from-scratch").GetProperty("logLoss").GetDouble()));
    }

    [Fact]
    public void Verify_metrics_refuses_a_score_outside_0_1_with_its_line()
    {
        string path = Write("bad.csv", "label,score\n1,0.4\n0,1.7\n");
        var error = Assert.ThrowsAny<UserInputException>(() => MetricsVerification.Run(path, 0.5));
        Assert.Contains($"{path}:3: column 'score'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_logreg_compares_theta_and_objectives_of_every_twin()
    {
        LogRegVerification.Result result = LogRegVerification.Fit(Logistic("d.csv", 800, 4, 41, 3.0), "fraud", 0.5);
        ParityAssert.Passes(FraudChecks.ThetaTorch, FraudComparisons.Theta(result.Scratch.Model, result.Torch.Model, ModelKinds.Torch));
        ParityAssert.Passes(FraudChecks.ThetaMLNet, FraudComparisons.ThetaRelative(result.Scratch.Model, result.MLNet));
        var data = result.Data;
        ParityAssert.Passes(FraudChecks.ObjectiveMLNet, FraudComparisons.Objective(
            LogisticObjective.Value(data.X, data.Y, 0.5, result.Scratch.Model.Theta), LogisticObjective.Value(data.X, data.Y, 0.5, result.MLNet.Theta)));
        VerifyReport report = LogRegVerification.Report(result);
        Assert.True(report.Passed, string.Join("; ", report.Comparisons.Select(c => $"{c.Check}: {c.MaxAbsDiff}")));
        ParityAssert.Passes(FraudChecks.StandardErrorsTorch, FraudComparisons.StandardErrors(result.Inference.StandardErrors,
            [.. Enumerable.Range(0, 5).Select(j => Math.Sqrt(result.TorchCovariance![j, j]))], ModelKinds.Torch));
        Assert.Equal([FraudChecks.ThetaTorch.Id, FraudChecks.ThetaMLNet.Id, FraudChecks.ObjectiveMLNet.Id, FraudChecks.StandardErrorsTorch.Id], report.Comparisons.Select(c => c.Id));
        Assert.Equal(["from-scratch", "torch", "mlnet"], report.Implementations.Keys);
        Assert.Equal(4, Entry(report, "from-scratch")["comparisons"]!.AsArray().Count);
        Assert.Equal(2, Entry(report, "torch")["comparisons"]!.AsArray().Count);
        Assert.Equal(2, Entry(report, "mlnet")["comparisons"]!.AsArray().Count);
        Assert.True(Entry(report, "from-scratch")["converged"]!.GetValue<bool>());
        foreach (string twin in new[] { "from-scratch", "torch" })
        {
            Assert.Equal(4, Entry(report, twin)["standardErrors"]!["weights"]!.AsArray().Count);
            Assert.True(Entry(report, twin)["standardErrors"]!["intercept"]!.GetValue<double>() > 0);
        }
        Assert.Null(Entry(report, "mlnet")["standardErrors"]);
        Assert.Null(Entry(report, "from-scratch")["profileCi95"]);
    }

    [Fact]
    public void Verify_logreg_at_lambda_zero_reports_profile_intervals_around_each_estimate()
    {
        string file = Logistic("p.csv", 600, 3, 44, 2.0);
        Assert.Throws<UserInputException>(() => LogRegVerification.Fit(file, "fraud", 1.0, profile: ["all"]));
        Assert.Contains("no such coefficient", Assert.Throws<UserInputException>(() => LogRegVerification.Fit(file, "fraud", 0.0, profile: ["nope"])).Message, StringComparison.Ordinal);
        LogRegVerification.Result result = LogRegVerification.Fit(file, "fraud", 0.0, profile: ["all"]);
        VerifyReport report = LogRegVerification.Report(result);
        Assert.True(report.Passed);
        var profile = Entry(report, "from-scratch")["profileCi95"]!.AsObject();
        Assert.Equal(["(intercept)", .. result.Data.FeatureNames], profile.Select(p => p.Key));
        double[][] ends = [.. profile.Select(p => p.Value!.AsArray().Select(v => v!.GetValue<double>()).ToArray())];
        Assert.Equal(4, ends.Length);
        var comparison = new Comparison("profile deviance", "definition");
        for (int j = 0; j < ends.Length; j++)
        {
            double estimate = result.Scratch.Model.Theta[j];
            Assert.True(ends[j][0] < estimate && estimate < ends[j][1]);
            comparison.Add($"D(lo{j})", ProfileLikelihood.Deviance(result.Data.X, result.Data.Y, 0.0, j, ends[j][0], result.Scratch.Model.Theta), ProfileLikelihood.ChiSquare95, ProfileLikelihood.ChiSquare95)
                .Add($"D(hi{j})", ProfileLikelihood.Deviance(result.Data.X, result.Data.Y, 0.0, j, ends[j][1], result.Scratch.Model.Theta), ProfileLikelihood.ChiSquare95, ProfileLikelihood.ChiSquare95);
        }
        ParityAssert.Passes(FraudChecks.ProfileInterval, comparison);
    }

    [Fact]
    public void Verify_logreg_fails_on_a_NaN_from_a_twin()
    {
        LogRegVerification.Result result = LogRegVerification.Fit(Logistic("n.csv", 400, 3, 42, 1.0), "fraud", 1.0);
        LogisticModel torch = result.Torch.Model;
        LogRegVerification.Result poisoned = result with { Torch = result.Torch with { Model = torch with { Weights = [double.NaN, .. torch.Weights[1..]] } } };
        ParityAssert.Fails(FraudChecks.ThetaTorch, FraudComparisons.Theta(poisoned.Scratch.Model, poisoned.Torch.Model, ModelKinds.Torch));
        VerifyReport report = LogRegVerification.Report(poisoned);
        Assert.False(report.Passed);
        Assert.Equal("torch: θ[1] is NaN", report.Comparisons[0].Failure);
        using JsonDocument json = JsonDocument.Parse(JsonOutput.Serialize(report));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("implementations").GetProperty("torch").GetProperty("weights")[0].ValueKind);
        LogRegVerification.Result seNaN = result with { TorchCovariance = null };
        Assert.False(LogRegVerification.Report(seNaN).Passed);
        Assert.Equal("torch: se(b) is NaN", LogRegVerification.Report(seNaN).Comparisons[3].Failure);
        LogRegVerification.Result mlnetNaN = result with { MLNet = result.MLNet with { Intercept = double.NaN } };
        ParityAssert.Fails(FraudChecks.ThetaMLNet, FraudComparisons.ThetaRelative(mlnetNaN.Scratch.Model, mlnetNaN.MLNet));
        ParityAssert.Fails(FraudChecks.ObjectiveMLNet, FraudComparisons.Objective(1.0, double.NaN));
        Assert.False(LogRegVerification.Report(mlnetNaN).Passed);
    }

    [Fact]
    public void Verify_logreg_says_when_separable_classes_leave_no_minimiser_at_lambda_zero()
    {
        string path = Write("sep.csv", "x,y\n" + string.Join('\n', Enumerable.Range(0, 40).Select(i => $"{(i - 19.5) / 10},{(i >= 20 ? 1 : 0)}")) + "\n");
        var error = Assert.ThrowsAny<UserInputException>(() => LogRegVerification.Run(path, "y", 0.0));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("use --l2 > 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_logreg_refuses_a_negative_lambda()
    {
        Assert.Throws<UserInputException>(() => LogRegVerification.Run(Write("e.csv", "a,y\n1,0\n2,1\n"), "y", -1));
    }
}
