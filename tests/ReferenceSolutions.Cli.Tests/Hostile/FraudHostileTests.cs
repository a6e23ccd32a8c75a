using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ReferenceSolutions.Cli.Tests.Hostile;

/// <summary>
/// Hostile input against the fraud solution's commands (<c>run fraud</c>, <c>verify logreg</c>, <c>verify metrics</c>),
/// each run as a child process, one test per family: the exit code is 1 with metrics.json (a result that cannot be
/// computed is null with its reason) or 2 with one line naming the path and the cause — never 3, never a stack trace,
/// no file in <c>--out</c> after an input error, under 60 s and 2 GB peak RSS (docs/fraud-detection.md#input-limits).
/// </summary>
public sealed class FraudHostileTests() : HostileTest("refsol-fraud-hostile-")
{
    [Fact]
    public void Data_too_wide_or_too_long_for_the_super_linear_models_is_refused_before_any_fit()
    {
        string wide = Write("wide.csv", Table(8, 20_000, (i, j) => ((i * 7) + j) % 10, i => i % 2));
        Assert.InRange(new FileInfo(wide).Length, 300_000, 500_000);
        ChildRefsol.Outcome run = Refsol("run", "fraud", "--data", wide, "--out", Out());
        AssertRefusedLeavingNoOut(run, $"{wide}: 20000 features exceed --max-features 50");
        Assert.Contains("raise --max-features", run.Stderr, StringComparison.Ordinal);
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(20) && run.PeakBytes < (512L << 20), run.ToString());
        AssertRefusedLeavingNoOut(Refsol("verify", "logreg", "--input", wide, "--label", "Class", "--l2", "1"), $"{wide}: 20000 features exceed --max-features 50");

        string rows = Write("rows.csv", Table(400, 3, (i, j) => ((i * 13) + (j * 5)) % 11, i => i % 10 == 0 ? 1 : 0));
        AssertRefusedLeavingNoOut(Refsol("run", "fraud", "--data", rows, "--max-rows", "300", "--out", Out()), $"{rows}: 400 rows exceed --max-rows 300");
        AssertRefusedLeavingNoOut(Refsol("run", "fraud", "--data", rows, "--max-features", "2", "--out", Out()), $"{rows}: 3 features exceed --max-features 2");
        AssertRefusedLeavingNoOut(Refsol("run", "fraud", "--data", rows, "--max-rows", "0", "--out", Out()), "--max-rows must be a positive number");

        string narrow = Write("narrow.csv", Table(400, 1, (i, _) => i % 7, i => i % 10 == 0 ? 1 : 0));
        AssertRefusedLeavingNoOut(Refsol("run", "fraud", "--data", narrow, "--out", Out()), $"{narrow}: 1 feature after taking out the label and the time column; run fraud needs at least 2");
    }

    [Fact]
    public void A_test_split_where_a_variance_is_zero_or_undefined_reports_null_with_the_reason()
    {
        string separable = Write("separable.csv", TimeTable(400, i => i % 10 == 0 ? 1 : 0, (i, y) => [(5 * y) + Noise(i, 1), Noise(i, 2)]));
        JsonElement perfect = AssertResultsNotComputed(Refsol("run", "fraud", "--data", separable, "--out", Out("separable")), Out("separable"));
        JsonElement logreg = Model(perfect, "logreg-from-scratch");
        Assert.Equal(1.0, logreg.GetProperty("auc").GetDouble());
        Assert.Equal(JsonValueKind.Null, logreg.GetProperty("aucDeLongCi95").ValueKind);
        Assert.Contains("DeLong's variance estimate is 0", logreg.GetProperty("aucDeLongCi95NotComputed").GetString(), StringComparison.Ordinal);
        Assert.Contains("DeLong's test is 0/0", Model(perfect, "fasttree-mlnet").GetProperty("deLongVsLogregZNotComputed").GetString(), StringComparison.Ordinal);

        string onePositive = Write("one-positive.csv", TimeTable(400, i => (i % 10 == 0 && i < 250) || i == 390 ? 1 : 0, (i, y) => [y + Noise(i, 1), Noise(i, 2)]));
        JsonElement single = AssertResultsNotComputed(Refsol("run", "fraud", "--data", onePositive, "--out", Out("one")), Out("one"));
        Assert.Contains("at least 2 frauds and 2 legitimate rows among the test rows, which hold 1 and 119",
            Model(single, "logreg-from-scratch").GetProperty("aucDeLongCi95NotComputed").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Values_near_the_float64_limit_standardise_and_a_column_beyond_float32_after_scaling_is_refused()
    {
        string huge = Write("huge.csv", TimeTable(400, i => i % 10 == 0 ? 1 : 0, (i, y) => [(i % 3 - 1) * 1.6e308, y + Noise(i, 1)]));
        ChildRefsol.Outcome run = Refsol("run", "fraud", "--data", huge, "--out", Out("huge"));
        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        Assert.Equal(JsonValueKind.Number, Model(Metrics(Out("huge")), "logreg-from-scratch").GetProperty("auc").ValueKind);
        AssertRefusedLeavingNoOut(Refsol("verify", "logreg", "--input", huge, "--label", "Class", "--l2", "1"), $"{huge}:2: column 'V1': '-1.6E+308' is beyond ±3.4e+38");

        string outlier = Write("outlier.csv", TimeTable(400, i => i % 10 == 0 ? 1 : 0, (i, y) => [i < 300 ? 1e-300 * (i % 3) : 1e300, y + Noise(i, 1)]));
        AssertRefusedLeavingNoOut(Refsol("run", "fraud", "--data", outlier, "--out", Out()), $"{outlier}: feature 'V1': a value lies more standard deviations than float64 can hold");
    }

    [Fact]
    public void Singular_covariances_and_collinear_features_are_reported_not_thrown()
    {
        string collinear = Write("collinear.csv", TimeTable(400, i => i % 10 == 0 ? 1 : 0, (i, y) => [y + Noise(i, 1), y + Noise(i, 1), Noise(i, 2)], "V1,V1b,V2"));
        JsonElement duplicated = AssertResultsNotComputed(Refsol("run", "fraud", "--data", collinear, "--out", Out("collinear")), Out("collinear"));
        JsonElement pca = Model(duplicated, "pca-anomaly-from-scratch");
        Assert.Equal(JsonValueKind.Null, pca.GetProperty("mahalanobisAuc").ValueKind);
        Assert.Contains("feature 'V1b' is a linear combination of the features before it", pca.GetProperty("mahalanobisAucNotComputed").GetString(), StringComparison.Ordinal);

        string constant = Write("constant.csv", TimeTable(400, i => i % 10 == 0 ? 1 : 0, (_, _) => [1.0, 2.0]));
        JsonElement flat = AssertResultsNotComputed(Refsol("run", "fraud", "--data", constant, "--out", Out("constant")), Out("constant"));
        Assert.Contains("feature 'V1' is constant over the", Model(flat, "pca-anomaly-from-scratch").GetProperty("mahalanobisAucNotComputed").GetString(), StringComparison.Ordinal);
        Assert.Contains("RandomizedPca could not fit", Model(flat, "pca-anomaly-mlnet").GetProperty("aucNotComputed").GetString(), StringComparison.Ordinal);

        AssertRefusedLeavingNoOut(Refsol("verify", "logreg", "--input", collinear, "--label", "Class", "--l2", "0"),
            $"{collinear}: at λ = 0 the weights are not identifiable: feature 'V1b' is a linear combination of the features before it over the 400 rows");
    }

    [Fact]
    public void Header_and_column_roles_that_would_leak_or_contradict_are_refused_naming_the_column()
    {
        string data = Write("roles.csv", TimeTable(400, i => i % 10 == 0 ? 1 : 0, (i, y) => [y + Noise(i, 1), Noise(i, 2)]));
        AssertRefusedLeavingNoOut(Refsol("run", "fraud", "--data", data, "--time-column", "Class", "--out", Out()), "--time-column 'Class' is also the label (--label)");
        AssertRefusedLeavingNoOut(Refsol("run", "fraud", "--data", data, "--label", "V1", "--out", Out()), $"{data}:2: column 'V1': label '");
        AssertRefusedLeavingNoOut(Refsol("run", "fraud", "--data", data, "--label", "Time", "--out", Out()), $"{data}:4: column 'Time': label '2' is not 0 or 1");

        string twice = Write("twice.csv", "Time,V1,Class,V2,Class\n1,0.5,0,3,0\n2,0.1,1,4,1\n");
        AssertRefusedLeavingNoOut(Refsol("run", "fraud", "--data", twice, "--out", Out()), $"{twice}:1: column 'Class': the header names this column twice");
        AssertRefusedLeavingNoOut(Refsol("verify", "logreg", "--input", twice, "--label", "Class", "--l2", "1"), $"{twice}:1: column 'Class': the header names this column twice");
        string time = Write("time-twice.csv", "Time,V1,Time,V2,Class\n1,0.5,0,3,0\n2,0.1,1,4,1\n");
        AssertRefusedLeavingNoOut(Refsol("run", "fraud", "--data", time, "--out", Out()), $"{time}:1: column 'Time': the header names this column twice");
        string scores = Write("scores-twice.csv", "label,score,score\n0,0.1,0.2\n1,0.9,0.8\n");
        AssertRefusedLeavingNoOut(Refsol("verify", "metrics", "--input", scores), $"{scores}:1: column 'score': the header names this column twice");
    }

    [Fact]
    public void Splits_too_small_for_the_protocol_are_refused_naming_the_part()
    {
        string one = Write("one-row.csv", "V1,V2,Class\n1,2,1\n");
        AssertRefusedLeavingNoOut(Refsol("run", "fraud", "--data", one, "--out", Out()), $"{one}: column 'Class': holds one class only (all 1)");

        string lateFrauds = Write("late.csv", TimeTable(400, i => i >= 250 && i % 10 == 0 ? 1 : 0, (i, y) => [y + Noise(i, 1), Noise(i, 2)]));
        AssertRefusedLeavingNoOut(Refsol("run", "fraud", "--data", lateFrauds, "--out", Out()),
            $"{lateFrauds} (fit rows, the earliest 80 % of the training rows by time): column 'Class': holds one class only (all 0)");
        string validationFrauds = Write("validation.csv", TimeTable(400, i => i is >= 224 and < 280 || i % 10 == 0 ? 1 : 0, (i, y) => [y + Noise(i, 1), Noise(i, 2)]));
        AssertRefusedLeavingNoOut(Refsol("run", "fraud", "--data", validationFrauds, "--out", Out()),
            $"{validationFrauds} (validation rows, the latest 20 % of the training rows by time): column 'Class': holds one class only (all 1)");

        string fewFrauds = Write("few.csv", Table(60, 2, (i, j) => ((i * 3) + j) % 7, i => i % 10 == 0 ? 1 : 0));
        AssertRefusedLeavingNoOut(Refsol("run", "fraud", "--data", fewFrauds, "--out", Out()),
            $"{fewFrauds}: the stratified split keeps 4 frauds and 38 legitimate rows for training, and 5-fold cross-validation needs at least 5 of each");
    }

    [Theory]
    [InlineData("nan")]
    [InlineData("NaN")]
    [InlineData("-Infinity")]
    [InlineData("1e999")]
    [InlineData("-1e400")]
    [InlineData("∞")]
    [InlineData("0x1p3")]
    public void Text_that_is_not_a_finite_number_is_refused_where_it_stands(string value)
    {
        string data = Write("text.csv", $"V1,V2,Class\n1,2,0\n3,{value},1\n");
        string expected = $"{data}:3: column 'V2': '{value}' is not a";
        AssertRefusedLeavingNoOut(Refsol("run", "fraud", "--data", data, "--out", Out()), expected);
        AssertRefusedLeavingNoOut(Refsol("verify", "logreg", "--input", data, "--label", "Class", "--l2", "1"), expected);
        string scores = Write("scores.csv", $"label,score\n0,0.2\n1,{value}\n");
        AssertRefusedLeavingNoOut(Refsol("verify", "metrics", "--input", scores), $"{scores}:3: column 'score': '{value}' is not a");
    }

    [Fact]
    public void Option_edges_are_refused_naming_the_option_or_run_to_a_verdict()
    {
        string data = Write("options.csv", TimeTable(400, i => i % 10 == 0 ? 1 : 0, (i, y) => [y + Noise(i, 1), Noise(i, 2)]));
        AssertRefusedLeavingNoOut(Refsol("run", "fraud", "--data", data, "--prior", "1e-300", "--out", Out()), "--prior must be a fraud prevalence in [1E-12, 1 − 1E-12], not 1E-300");
        AssertRefusedLeavingNoOut(Refsol("run", "fraud", "--data", data, "--prior", "1", "--out", Out()), "--prior must be a fraud prevalence");
        AssertRefusedLeavingNoOut(Refsol("run", "fraud", "--data", data, "--fp-cost", "0", "--fn-cost", "0", "--out", Out()), "--fp-cost and --fn-cost are both 0");
        AssertRefusedLeavingNoOut(Refsol("run", "fraud", "--data", data, "--fn-cost", "1e308", "--out", Out()), "costs must be in [0, 1E+100]");
        AssertRefusedLeavingNoOut(Refsol("run", "fraud", "--data", data, "--l2", "1e39", "--out", Out()), "--l2 must be a λ in (0, 3.4028234663852886E+38], not 1E+39");
        AssertRefusedLeavingNoOut(Refsol("verify", "logreg", "--input", data, "--label", "Class", "--l2", "1e39"), "--l2 must be a λ in [0, 3.4028234663852886E+38]");

        ChildRefsol.Outcome edges = Refsol("run", "fraud", "--data", data, "--target-recall", "1", "--fp-cost", "0", "--prior", "1e-12", "--out", Out("edges"));
        Assert.True(edges.ExitCode is 0 or 1, edges.ToString());
        JsonElement model = Model(Metrics(Out("edges")), "logreg-from-scratch");
        Assert.Equal(0.0, model.GetProperty("threshold").GetDouble());
        Assert.Equal(JsonValueKind.Number, model.GetProperty("recallAtTargetThreshold").ValueKind);
    }

    [Fact]
    public void A_5_MB_file_of_one_row_is_refused_in_bounded_memory()
    {
        const int Columns = 450_000;
        var text = new StringBuilder(5_000_000);
        text.AppendJoin(',', Enumerable.Range(0, Columns).Select(j => $"V{j}")).Append(",Class\n");
        text.AppendJoin(',', Enumerable.Repeat("1", Columns)).Append(",1\n");
        string data = Write("one-row-5mb.csv", text.ToString());
        Assert.InRange(new FileInfo(data).Length, 4_000_000, 5_000_000);
        ChildRefsol.Outcome run = Refsol("run", "fraud", "--data", data, "--out", Out());
        AssertRefusedLeavingNoOut(run, $"{data}: column 'Class': holds one class only (all 1)");
        Assert.True(run.PeakBytes < (1L << 30), run.ToString());
        AssertRefusedLeavingNoOut(Refsol("verify", "logreg", "--input", data, "--label", "Class", "--l2", "1"), $"{data}: column 'Class': holds one class only (all 1)");
    }

    [Fact]
    public void Verify_metrics_on_tied_or_certain_scores_and_on_more_rows_than_MLNet_evaluates()
    {
        string tied = Write("tied.csv", "label,score\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"{i % 2},0.5\n")));
        ChildRefsol.Outcome equal = Refsol("verify", "metrics", "--input", tied, "--json");
        Assert.True(equal.ExitCode == 0, equal.ToString());
        Assert.Equal(0.5, Json(equal.Stdout).GetProperty("implementations").GetProperty("from-scratch").GetProperty("auc").GetDouble());

        string certain = Write("certain.csv", "label,score\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"{i % 2},{(i % 7 == 0 ? 1 - (i % 2) : i % 2)}\n")));
        ChildRefsol.Outcome infinite = Refsol("verify", "metrics", "--input", certain, "--json");
        Assert.True(infinite.ExitCode == 1, infinite.ToString());
        JsonElement report = Json(infinite.Stdout);
        Assert.Equal(JsonValueKind.Null, report.GetProperty("implementations").GetProperty("mlnet").GetProperty("logLoss").ValueKind);
        Assert.Contains("mlnet: logLoss", report.GetProperty("comparisons")[0].GetProperty("failure").GetString(), StringComparison.Ordinal);

        string many = Write("many.csv", "label,score\n" + string.Concat(Enumerable.Range(0, 100_001).Select(i => $"{(i % 10 == 0 ? 1 : 0)},{(i % 97) / 97.0:0.###}\n")));
        AssertRefusedLeavingNoOut(Refsol("verify", "metrics", "--input", many), $"{many}: 100001 rows exceed the 100000 that ML.NET's Evaluate computes AUPRC on");
    }

    [Fact]
    public void Verify_logreg_without_a_minimiser_to_compare_is_an_input_error_naming_the_cause()
    {
        string separable = Write("separable.csv", TimeTable(400, i => i % 10 == 0 ? 1 : 0, (i, y) => [(5 * y) + Noise(i, 1), Noise(i, 2)]));
        AssertRefusedLeavingNoOut(Refsol("verify", "logreg", "--input", separable, "--label", "Class", "--l2", "0"),
            $"{separable}: Newton did not converge at λ = 0: it stopped after");
        ChildRefsol.Outcome tiny = Refsol("verify", "logreg", "--input", separable, "--label", "Class", "--l2", "1e-300");
        AssertRefusedLeavingNoOut(tiny, $"{separable}: Newton did not converge at λ = 1E-300");
        Assert.Contains("use a larger --l2", tiny.Stderr, StringComparison.Ordinal);
        ChildRefsol.Outcome penalised = Refsol("verify", "logreg", "--input", separable, "--label", "Class", "--l2", "1");
        Assert.True(penalised.ExitCode == 0, penalised.ToString());
    }

    /// <summary>n rows of columns Time, V1.., Class: Time = i, features from <paramref name="features"/>(i, yᵢ).</summary>
    private static string TimeTable(int rows, Func<int, int> label, Func<int, int, double[]> features, string? names = null)
    {
        var text = new StringBuilder();
        int[] y = [.. Enumerable.Range(0, rows).Select(label)];
        double[][] x = [.. Enumerable.Range(0, rows).Select(i => features(i, y[i]))];
        text.Append("Time,").Append(names ?? string.Join(',', Enumerable.Range(1, x[0].Length).Select(j => $"V{j}"))).Append(",Class\n");
        for (int i = 0; i < rows; i++)
        {
            text.Append(i).Append(',').AppendJoin(',', x[i].Select(v => v.ToString("R", CultureInfo.InvariantCulture))).Append(',').Append(y[i]).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>n rows of d integer features <paramref name="value"/>(i, j) named V0.., then Class; no time column.</summary>
    private static string Table(int rows, int features, Func<int, int, int> value, Func<int, int> label)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', Enumerable.Range(0, features).Select(j => $"V{j}")).Append(",Class\n");
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < features; j++)
            {
                text.Append(value(i, j)).Append(',');
            }
            text.Append(label(i)).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>A deterministic value in [−0.5, 0.5) for row i and stream s.</summary>
    private static double Noise(int i, int stream) => ((((i + 1) * 2654435761L * stream) % 1000) / 1000.0) - 0.5;

    /// <summary>An input error (<see cref="HostileTest.AssertInputError"/>) that left no <c>--out</c> folder behind.</summary>
    private void AssertRefusedLeavingNoOut(ChildRefsol.Outcome outcome, string expected)
    {
        AssertInputError(outcome, expected);
        Assert.False(Directory.Exists(Out()), $"an input error left {Out()}");
    }

    /// <summary>Exit 1 with metrics.json written and a failing "results not computed" check; returns the file's root.</summary>
    private static JsonElement AssertResultsNotComputed(ChildRefsol.Outcome outcome, string folder)
    {
        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        JsonElement metrics = Metrics(folder);
        Assert.Contains(metrics.GetProperty("quality").EnumerateArray(), q =>
            q.GetProperty("check").GetString()!.StartsWith("results not computed", StringComparison.Ordinal) && !q.GetProperty("passed").GetBoolean());
        return metrics;
    }

    private static JsonElement Metrics(string folder) => Json(File.ReadAllText(Path.Combine(folder, "metrics.json")));

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static JsonElement Model(JsonElement metrics, string name) =>
        metrics.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("name").GetString() == name).GetProperty("metrics");
}
