using System.Text.Json;
using System.Text.Json.Nodes;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Models;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.FraudDetection.Calibration;
using ReferenceSolutions.FraudDetection.Data;
using ReferenceSolutions.FraudDetection.Decisions;
using ReferenceSolutions.FraudDetection.Models;
using ReferenceSolutions.TestSupport;
using Xunit.Abstractions;

namespace ReferenceSolutions.FraudDetection.Tests;

/// <summary>
/// The saved fraud models (docs/fraud-detection.md#saved-models-and-scoring): saved → loaded → scored equals the
/// fitted models' own predictions, the logreg JSON means what the docs say, saving is byte-deterministic, and
/// <c>score fraud</c>'s twin comparisons pass on the saved twins and catch a wrong standardisation.
/// </summary>
public sealed class SavedModelTests(ITestOutputHelper output) : IDisposable
{
    private const ulong Seed = 7;
    private readonly string _folder = Directory.CreateTempSubdirectory("fraud-models-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// Fits every model on 3,000 generated rows without their Time column (λ = 1, k = 10, as a run would), saves them
    /// with a prior, and returns the fit and 1,000 other rows.
    /// </summary>
    private (FraudModels Fitted, LabeledData Test, PriorCorrection Prior, string Run) FitAndSave(string name)
    {
        LabeledData all = TestData.Transactions(4000, Seed).TakeColumn(FraudRunOptions.DefaultTimeColumn)!.Value.Remaining;
        LabeledData train = all.Subset([.. Enumerable.Range(0, 3000)]), test = all.Subset([.. Enumerable.Range(3000, 1000)]);
        FraudModels fitted = FraudModels.Fit(train, 1.0, 10, (int)Seed);
        var prior = new PriorCorrection(0.002, train.Y.Average());
        string run = Path.Combine(_folder, name);
        DecisionThresholds?[] thresholds = [.. FraudModels.Names.Select(_ => new DecisionThresholds(0.3, 0.1))];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        FraudModelStore.Save(run, fitted, train.FeatureNames, "Class", null, prior, thresholds, new FraudRunOptions(), Seed);
        output.WriteLine($"saving the six models took {clock.Elapsed.TotalMilliseconds:0} ms");
        return (fitted, test, prior, run);
    }

    private string WriteCsv(LabeledData data, string name)
    {
        string path = Path.Combine(_folder, name);
        TransactionGenerator.WriteCsv(data, path);
        return path;
    }

    [Fact]
    public void Every_saved_model_scores_as_the_fitted_one_bit_for_bit_and_the_MLNet_zips_within_one_float32_rounding()
    {
        (FraudModels fitted, LabeledData test, PriorCorrection prior, string run) = FitAndSave("round-trip");
        FraudPredictions expected = fitted.Predict(test.X);
        IReadOnlyList<(ModelManifest Manifest, ISavedFraudModel Model)> loaded = FraudModelStore.Load(run);
        Assert.Equal(FraudModels.Names.Select(n => n.Name), loaded.Select(m => m.Manifest.Name));
        for (int k = 0; k < loaded.Count; k++)
        {
            ISavedFraudModel model = loaded[k].Model;
            double[] want = [.. expected.Probabilities[k]!.Select(prior.Correct)];
            double[] got = model.Input.Corrected(model.SampleProbabilities(model.Input.Standardize(test.X)));
            double worst = want.Zip(got, (a, b) => Math.Abs(a - b)).Max();
            output.WriteLine($"{loaded[k].Manifest.Name} ({loaded[k].Manifest.Format}): max |Δp| = {worst:R}");
            if (loaded[k].Manifest.Format == "mlnet-zip")
            {
                // ML.NET outputs float32: one float32 rounding of p is ≤ 2⁻²⁴·p; the prior correction (dp′/dp ≤ max(β, 1/β)) carries it.
                double bound = Math.Max(prior.Beta, 1 / prior.Beta) * Math.Pow(2, -24);
                Assert.All(want.Zip(got), pair => Assert.True(Math.Abs(pair.First - pair.Second) <= bound * Math.Max(pair.First, 1e-300) + 1e-300, $"{loaded[k].Manifest.Name}: {pair.First:R} vs {pair.Second:R}"));
            }
            else
            {
                Assert.Equal(want, got);
            }
        }
        var pca = (SavedPcaAnomaly)loaded[4].Model;
        Assert.NotNull(pca.Mahalanobis);
        Assert.Equal(expected.Mahalanobis, pca.Mahalanobis!.Score(pca.Input.Standardize(test.X)));
        Assert.Equal(expected.PcaNetScores, ((SavedMLNet)loaded[5].Model).Raw(loaded[5].Model.Input.Standardize(test.X)));
    }

    [Fact]
    public void Score_column_of_logreg_from_scratch_is_the_documented_formula_on_the_saved_json()
    {
        (_, LabeledData test, _, string run) = FitAndSave("formula");
        string csv = WriteCsv(test, "rows.csv");
        FraudScoring.Scored scored = FraudScoring.Run(new ScoreRequest(run, csv));
        IReadOnlyList<double> column = scored.Columns.Single(c => c.Header == "logreg-from-scratch").Numbers!;

        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "models", "logreg-from-scratch", "logreg.json")));
        JsonElement root = json.RootElement;
        double[] Numbers(string field) => [.. root.GetProperty(field).EnumerateArray().Select(e => e.GetDouble())];
        string[] features = [.. root.GetProperty("features").EnumerateArray().Select(e => e.GetString()!)];
        double[] mean = Numbers("mean"), scale = Numbers("scale"), w = Numbers("coefficients");
        double b = root.GetProperty("intercept").GetDouble(), beta = root.GetProperty("prior").GetProperty("beta").GetDouble();
        Assert.Equal(0, root.GetProperty("rescaled").GetArrayLength());
        Assert.Equal(test.FeatureNames, features);
        double eps = Math.Pow(2, -53);
        for (int i = 0; i < test.Rows; i++)
        {
            double logit = b, magnitude = Math.Abs(b);
            for (int j = 0; j < features.Length; j++)
            {
                double term = w[j] * ((test.X[i, j] - mean[j]) / scale[j]);
                logit += term;
                magnitude += Math.Abs(term);
            }
            double p = 1 / (1 + Math.Exp(-logit));
            double expected = beta * p / ((beta * p) - p + 1);
            // The code sums w·z in another order: the two logits differ by ≤ 2(d + 1)ε·(|b| + Σ|wⱼzⱼ|); σ′ ≤ ¼, the
            // prior shifts the logit only, and σ and the correction add ≤ 8ε relative on each side.
            double bound = (0.25 * 2 * (features.Length + 1) * eps * magnitude) + (16 * eps * expected);
            Assert.True(Math.Abs(column[i] - expected) <= bound, $"row {i + 1}: score {column[i]:R}, formula {expected:R}, bound {bound:R}");
        }
    }

    [Fact]
    public void Saving_twice_writes_the_same_bytes_in_every_file()
    {
        (FraudModels fitted, LabeledData test, PriorCorrection prior, string first) = FitAndSave("first");
        // Zip entry times have a 2 s resolution: save again after it has passed, so an entry stamped with the time of saving differs.
        Thread.Sleep(2100);
        string second = Path.Combine(_folder, "second");
        DecisionThresholds?[] thresholds = [.. FraudModels.Names.Select(_ => new DecisionThresholds(0.3, 0.1))];
        FraudModelStore.Save(second, fitted, test.FeatureNames, "Class", null, prior, thresholds, new FraudRunOptions(), Seed);
        string[] Files(string run) => [.. Directory.GetFiles(Path.Combine(run, "models"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(run, f)).Order(StringComparer.Ordinal)];
        string[] files = Files(first);
        Assert.Equal(files, Files(second));
        Assert.Equal(17, files.Length);
        Assert.All(files, f => Assert.True(File.ReadAllBytes(Path.Combine(first, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second, f))), f));
        foreach (string zip in files.Where(f => f.EndsWith(".zip", StringComparison.Ordinal)))
        {
            using var archive = new System.IO.Compression.ZipArchive(File.OpenRead(Path.Combine(first, zip)));
            Assert.All(archive.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
        }
    }

    [Fact]
    public void Restored_standardizer_reproduces_power_of_two_scaled_columns_bit_for_bit()
    {
        var x = new Matrix(4, 3, [1.5e300, 3e-310, 1.0, -1.2e300, 5e-310, 2.0, 1.7e308, -2e-310, 3.5, 0.0, 4e-311, -1.0]);
        var fitted = Standardizer.Fit(x);
        Assert.Equal(2, fitted.Rescaled.Count);
        var restored = Standardizer.Restore(fitted.Mean, fitted.Scale, fitted.Rescaled);
        Assert.Equal(fitted.Transform(x).Data, restored.Transform(x).Data);
    }

    [Fact]
    public void Score_compares_the_saved_twins_and_fails_on_a_wrong_standardisation()
    {
        (_, LabeledData test, _, string run) = FitAndSave("twins");
        string csv = WriteCsv(test, "rows.csv");
        FraudScoring.Scored scored = FraudScoring.Run(new ScoreRequest(run, csv));
        Assert.Equal([FraudChecks.ScoreTorch, FraudChecks.ScoreMLNet, FraudChecks.ScorePcaMLNet], scored.Comparisons.Select(c => c.Check));
        foreach ((Core.Reporting.CheckDefinition check, Core.Reporting.Comparison comparison) in scored.Comparisons)
        {
            output.WriteLine($"{check.Id}: {comparison.MaxAbsDiff:R} (tolerance {check.Tolerance.Value:R})");
            ParityAssert.Passes(check, comparison);
        }

        // Negative control: each twin standardised without μ and s (mean 0, scale 1, as if input.json were lost).
        foreach (string model in new[] { "logreg-torch", "logreg-mlnet", "pca-anomaly-mlnet" })
        {
            string path = Path.Combine(run, "models", model, "input.json");
            JsonObject json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            int d = json["mean"]!.AsArray().Count;
            json["mean"] = new JsonArray([.. Enumerable.Repeat(0.0, d).Select(v => (JsonNode?)v)]);
            json["scale"] = new JsonArray([.. Enumerable.Repeat(1.0, d).Select(v => (JsonNode?)v)]);
            File.WriteAllText(path, json.ToJsonString());
        }
        FraudScoring.Scored broken = FraudScoring.Run(new ScoreRequest(run, csv));
        foreach ((Core.Reporting.CheckDefinition check, Core.Reporting.Comparison comparison) in broken.Comparisons)
        {
            output.WriteLine($"{check.Id} without standardisation: {comparison.MaxAbsDiff:R}");
            ParityAssert.Fails(check, comparison);
        }
    }

    [Fact]
    public void Explain_lists_the_largest_contributions_which_add_up_to_the_logit()
    {
        (_, LabeledData test, _, string run) = FitAndSave("explain");
        string csv = WriteCsv(test, "rows.csv");
        int d = test.Features;
        FraudScoring.Scored scored = FraudScoring.Run(new ScoreRequest(run, csv, Explain: d + 5));
        IReadOnlyList<double> logit = scored.Columns.Single(c => c.Header == "logreg-from-scratch.logit").Numbers!;
        Assert.Equal(2 * d, scored.Columns.Count(c => c.Header.Contains(".explain", StringComparison.Ordinal)));
        SavedLogReg logreg = FraudModelStore.Load(run).Select(m => m.Model).OfType<SavedLogReg>().Single();
        for (int i = 0; i < test.Rows; i++)
        {
            double sum = logreg.Model.Intercept, magnitude = Math.Abs(sum), previous = double.PositiveInfinity;
            var seen = new HashSet<string>();
            for (int r = 1; r <= d; r++)
            {
                double c = scored.Columns.Single(col => col.Header == $"logreg-from-scratch.explain{r}.contribution").Numbers![i];
                Assert.True(seen.Add(scored.Columns.Single(col => col.Header == $"logreg-from-scratch.explain{r}.feature").Texts![i]));
                Assert.True(Math.Abs(c) <= previous);
                previous = Math.Abs(c);
                sum += c;
                magnitude += Math.Abs(c);
            }
            // Two summation orders of the same d + 1 terms: ≤ 2(d + 1)ε·(|b| + Σ|cⱼ|) apart.
            double bound = 2 * (d + 1) * Math.Pow(2, -53) * magnitude;
            Assert.True(Math.Abs(sum - logit[i]) <= bound, $"row {i + 1}: Σ contributions + b = {sum:R}, logit {logit[i]:R}");
        }
    }
}
