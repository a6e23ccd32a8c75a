using System.Globalization;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Models;
using ReferenceSolutions.Core.Onnx;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.FraudDetection.Data;
using ReferenceSolutions.FraudDetection.Explanations;
using ReferenceSolutions.FraudDetection.Onnx;

namespace ReferenceSolutions.FraudDetection.Models;

/// <summary>
/// <c>refsol score fraud</c>: every saved fraud model scores the input rows (no training). Columns, in report order:
/// <c>&lt;model&gt;</c>, its probability (prior-corrected where it was saved with a prior, as the run reports it);
/// <c>pca-anomaly-from-scratch.score</c> and <c>pca-anomaly-mlnet.score</c>, the PCA anomaly scores s(z) the Platt
/// scaling reads; <c>pca-anomaly-from-scratch.mahalanobis</c>, D²(z), when the detector was saved; with
/// <c>--explain K</c>, <c>logreg-from-scratch.logit</c> and, for r = 1..min(K, d), <c>logreg-from-scratch.explain&lt;r&gt;.feature</c>
/// and <c>.contribution</c>, the r-th largest |wⱼ·zⱼ| of the row (<see cref="LinearContributions"/>), so that
/// logit = intercept + Σⱼ wⱼzⱼ. The twins are compared on these rows by <see cref="FraudChecks.ScoreTorch"/>,
/// <see cref="FraudChecks.ScoreMLNet"/> and <see cref="FraudChecks.ScorePcaMLNet"/>, where both sides were saved. With
/// <c>--engine onnx</c> the <c>logreg-from-scratch</c> column is ONNX Runtime's output on the model's exported graph
/// (<see cref="LogisticRegressionOnnx"/>), checked against the from-scratch scoring (<see cref="FraudChecks.OnnxLogReg"/>);
/// the other models have no graph of the suite's own and are scored by their own code.
/// </summary>
internal static class FraudScoring
{
    private const string Scratch = "logreg-from-scratch", Torch = "logreg-torch", MLNet = "logreg-mlnet", Pca = "pca-anomaly-from-scratch", PcaNet = "pca-anomaly-mlnet";

    /// <summary>Scores <paramref name="request"/>'s rows with every model under its directory.</summary>
    public static ScoreOutput Score(ScoreRequest request)
    {
        Scored scored = Run(request);
        string rows = string.Create(CultureInfo.InvariantCulture, $"the {scored.Rows} rows of {request.InputFile}");
        return new ScoreOutput(scored.Columns, ScoreReport.Create(scored.Rows, scored.Implementations, [.. scored.Comparisons.Select(c => c.Check.Measure(c.Comparison, rows))]));
    }

    /// <summary>The columns, the implementations' entries and each comparison with the check that judges it.</summary>
    internal sealed record Scored(int Rows, IReadOnlyList<ScoreColumn> Columns, IReadOnlyDictionary<string, object> Implementations,
        IReadOnlyList<(CheckDefinition Check, Comparison Comparison)> Comparisons);

    /// <summary>Loads, reads and scores as <see cref="Score"/> does.</summary>
    internal static Scored Run(ScoreRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlyList<(ModelManifest Manifest, ISavedFraudModel Model)> models = FraudModelStore.Load(request.ModelDirectory);
        SavedInput first = models[0].Model.Input;
        foreach ((ModelManifest manifest, ISavedFraudModel model) in models.Skip(1))
        {
            if (!model.Input.Features.SequenceEqual(first.Features) || model.Input.Label != first.Label || model.Input.TimeColumn != first.TimeColumn)
            {
                throw new DataFormatException(Path.Combine(request.ModelDirectory, manifest.Name), null, "'features'", $"{manifest.Name} takes other columns than {models[0].Manifest.Name}: score the models of one run together");
            }
        }
        Matrix raw = ScoreInput.Read(request.InputFile, first);
        var columns = new List<ScoreColumn>();
        var implementations = new Dictionary<string, object>(StringComparer.Ordinal);
        var probabilities = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var scores = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var standardised = new Dictionary<string, Matrix>(StringComparer.Ordinal);
        foreach ((ModelManifest manifest, ISavedFraudModel model) in models)
        {
            SavedInput input = model.Input;
            Matrix z = Standardizer.Restore(input.Scaler.Mean, input.Scaler.Scale, input.Scaler.Rescaled, input.Features, request.InputFile).Transform(raw);
            double[] p = input.Corrected(model.SampleProbabilities(z));
            standardised[manifest.Name] = z;
            probabilities[manifest.Name] = p;
            columns.Add(ScoreColumn.Of(manifest.Name, p));
            if (model is SavedPcaAnomaly pca)
            {
                scores[manifest.Name] = pca.Pca.Score(z);
                columns.Add(ScoreColumn.Of($"{manifest.Name}.score", scores[manifest.Name]));
                if (pca.Mahalanobis is not null)
                {
                    columns.Add(ScoreColumn.Of($"{manifest.Name}.mahalanobis", pca.Mahalanobis.Score(z)));
                }
            }
            if (model is SavedMLNet { Platt: not null } net)
            {
                scores[manifest.Name] = net.Raw(z);
                columns.Add(ScoreColumn.Of($"{manifest.Name}.score", scores[manifest.Name]));
            }
            implementations[manifest.Name] = new Dictionary<string, object>
            {
                ["kind"] = manifest.Kind,
                ["format"] = manifest.Format,
                ["priorCorrected"] = input.Prior is not null,
                ["meanProbability"] = p.Average(),
            };
        }
        if (request.Explain > 0)
        {
            SavedLogReg logreg = models.Select(m => m.Model).OfType<SavedLogReg>().FirstOrDefault()
                ?? throw new UserInputException($"--explain: {request.ModelDirectory} holds no {Scratch} model, whose contributions it lists");
            columns.AddRange(Explain(logreg, standardised[Scratch], request.Explain));
        }
        var comparisons = new List<(CheckDefinition, Comparison)>();
        if (probabilities.ContainsKey(Scratch) && probabilities.ContainsKey(Torch))
        {
            comparisons.Add((FraudChecks.ScoreTorch, PerLogitUnit(Scratch, Torch, probabilities, standardised[Scratch], 1.0)));
        }
        if (probabilities.ContainsKey(Scratch) && probabilities.ContainsKey(MLNet))
        {
            double theta = Norms.MaxAbs(models.Select(m => m.Model).OfType<SavedLogReg>().First().Model.Theta);
            comparisons.Add((FraudChecks.ScoreMLNet, PerLogitUnit(Scratch, MLNet, probabilities, standardised[Scratch], theta)));
        }
        if (scores.TryGetValue(Pca, out double[]? pcaScores) && scores.TryGetValue(PcaNet, out double[]? pcaNetScores))
        {
            comparisons.Add((FraudChecks.ScorePcaMLNet, new Comparison(Pca, PcaNet).Add("s(z)", pcaScores, pcaNetScores)));
        }
        if (request.Engine == ScoreEngines.Onnx)
        {
            SavedLogReg logreg = models.Select(m => m.Model).OfType<SavedLogReg>().FirstOrDefault()
                ?? throw new UserInputException($"--engine onnx: {request.ModelDirectory} holds no {Scratch} model, the fraud model with an ONNX graph");
            Matrix onnx = OnnxRunner.Run(LogisticRegressionOnnx.Build(logreg.OnnxParameters(), SuiteVersion.Current), raw);
            int column = columns.FindIndex(c => c.Header == Scratch);
            columns[column] = ScoreColumn.Of(Scratch, onnx.Data);
            ((Dictionary<string, object>)implementations[Scratch])["engine"] = ScoreEngines.Onnx;
            comparisons.Insert(0, (FraudChecks.OnnxLogReg, OnnxParity.AddRelative(new Comparison($"{Scratch} (onnx)", Scratch), "p", onnx, new Matrix(raw.Rows, 1, probabilities[Scratch]))));
        }
        return new Scored(raw.Rows, columns, implementations, comparisons);
    }

    /// <summary>
    /// |p_left − p_right| per row, divided by ¼·scale·(1 + ‖zᵢ‖₁): the largest change of σ a coefficient difference of
    /// at most <c>scale</c> (absolute, per entry of θ) can make at zᵢ, since |Δlogit| ≤ ‖Δθ‖∞·(1 + ‖zᵢ‖₁) and σ′ ≤ ¼
    /// (the prior correction shifts the logit by ln β, which leaves the bound unchanged).
    /// </summary>
    private static Comparison PerLogitUnit(string left, string right, Dictionary<string, double[]> p, Matrix z, double scale)
    {
        var comparison = new Comparison(left, right);
        for (int i = 0; i < z.Rows; i++)
        {
            double norm = 0;
            foreach (double v in z.Row(i))
            {
                norm += Math.Abs(v);
            }
            comparison.Add("p", p[left][i], p[right][i], 0.25 * scale * (1 + norm));
        }
        return comparison;
    }

    private static IEnumerable<ScoreColumn> Explain(SavedLogReg logreg, Matrix z, int k)
    {
        IReadOnlyList<string> features = logreg.Input.Features;
        Matrix c = LinearContributions.Of(z, logreg.Model.Weights);
        double[] logits = z.Multiply(logreg.Model.Weights);
        for (int i = 0; i < logits.Length; i++)
        {
            logits[i] += logreg.Model.Intercept;
        }
        yield return ScoreColumn.Of($"{Scratch}.logit", logits);
        int[][] top = [.. Enumerable.Range(0, z.Rows).Select(i => LinearContributions.Top(c.Row(i), k))];
        for (int r = 0; r < Math.Min(k, features.Count); r++)
        {
            yield return ScoreColumn.OfText($"{Scratch}.explain{r + 1}.feature", [.. top.Select(t => features[t[r]])]);
            yield return ScoreColumn.Of($"{Scratch}.explain{r + 1}.contribution", [.. top.Select((t, i) => c[i, t[r]])]);
        }
    }
}
