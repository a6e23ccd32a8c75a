using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.FraudDetection.Data;
using ReferenceSolutions.FraudDetection.Explanations;
using ReferenceSolutions.FraudDetection.Models;
using ReferenceSolutions.Serve.Problems;

namespace ReferenceSolutions.Serve.Fraud;

/// <summary>
/// The served fraud model, <c>logreg-from-scratch</c> (format <c>refsol-logreg</c>), loaded once and shared: every
/// field is read-only after loading, so concurrent requests need no lock. For raw rows X (n×d) it computes exactly what
/// <c>refsol score fraud</c> writes in its <c>logreg-from-scratch</c> column, with the same code in the same order —
/// Z = (X − μ)/s (<see cref="Standardizer"/>), p = σ(b + Z·w), then the prior correction β·p/(β·p − p + 1) — so the
/// two agree bit for bit; the decision is p ≥ t at the run's minimum-expected-cost threshold t (saved in the model's
/// <c>thresholds.minExpectedCost</c>), and the explanation lists the K largest |wⱼ·zⱼ| (<see cref="LinearContributions"/>)
/// with logit = b + Σⱼ wⱼzⱼ.
/// </summary>
internal sealed class FraudScorer
{
    /// <summary>The model's name in its manifest.</summary>
    public const string Name = "logreg-from-scratch";

    private readonly SavedLogReg _model;
    private readonly Standardizer _scaler;
    private readonly Dictionary<string, int> _columns;

    private FraudScorer(SavedLogReg model)
    {
        _model = model;
        SavedInput input = model.Input;
        _scaler = Standardizer.Restore(input.Scaler.Mean, input.Scaler.Scale, input.Scaler.Rescaled, input.Features);
        _columns = input.Features.Select((f, j) => (f, j)).ToDictionary(p => p.f, p => p.j, StringComparer.Ordinal);
        Ignored = input.TimeColumn is null ? [input.Label] : [input.Label, input.TimeColumn];
    }

    /// <summary>The d features, in the model's order.</summary>
    public IReadOnlyList<string> Features => _model.Input.Features;

    /// <summary>μ (d), the training rows' mean of each raw feature.</summary>
    public IReadOnlyList<double> Mean => _model.Input.Scaler.Mean;

    /// <summary>s (d), the training rows' standard deviation of each raw feature.</summary>
    public IReadOnlyList<double> Scale => _model.Input.Scaler.Scale;

    /// <summary>The label and time columns the model was saved with: accepted in an item and ignored, as <c>refsol score</c> does.</summary>
    public IReadOnlyList<string> Ignored { get; }

    /// <summary>The threshold the decisions use, with the costs it minimises the expected cost for.</summary>
    public FraudThreshold Threshold => new("minExpectedCost", _model.Input.Thresholds.MinExpectedCost, _model.Input.Thresholds.FalsePositiveCost, _model.Input.Thresholds.FalseNegativeCost);

    /// <summary>Whether p is corrected to the true prior.</summary>
    public bool PriorCorrected => _model.Input.Prior is not null;

    /// <summary>Loads the model saved in <paramref name="folder"/> (its manifest already read).</summary>
    public static FraudScorer Load(string folder) => new(SavedLogReg.Load(folder));

    /// <summary>The column of feature <paramref name="name"/>, or −1.</summary>
    public int Column(string name) => _columns.GetValueOrDefault(name, -1);

    /// <summary>The answer for raw rows X (n×d) with up to <paramref name="explain"/> contributions per row.</summary>
    public FraudScoreResponse Score(Matrix raw, int explain)
    {
        Matrix z = Standardize(raw);
        double[] p = _model.Input.Corrected(_model.SampleProbabilities(z));
        double t = _model.Input.Thresholds.MinExpectedCost;
        var results = new FraudScore[raw.Rows];
        Matrix? c = explain > 0 ? LinearContributions.Of(z, _model.Model.Weights) : null;
        double[]? logits = null;
        if (c is not null)
        {
            logits = z.Multiply(_model.Model.Weights);
            for (int i = 0; i < logits.Length; i++)
            {
                logits[i] += _model.Model.Intercept;
            }
        }
        for (int i = 0; i < raw.Rows; i++)
        {
            FraudContribution[]? top = null;
            if (c is not null)
            {
                int[] order = LinearContributions.Top(c.Row(i), explain);
                top = [.. order.Take(Math.Min(explain, Features.Count)).Select(j => new FraudContribution(Features[j], c[i, j]))];
            }
            results[i] = new FraudScore(p[i], p[i] >= t, logits?[i], top);
        }
        return new FraudScoreResponse(Name, PriorCorrected, Threshold, results);
    }

    /// <summary>Z of the rows; a value the model cannot standardise (|z| above 1e15) is a 400 naming the item (the message names the feature).</summary>
    private Matrix Standardize(Matrix raw)
    {
        try
        {
            return _scaler.Transform(raw);
        }
        catch (UserInputException)
        {
            for (int i = 0; i < raw.Rows; i++)
            {
                try
                {
                    _scaler.Transform(new Matrix(1, raw.Columns, raw.Row(i).ToArray()));
                }
                catch (UserInputException e)
                {
                    throw RequestProblem.Bad($"items[{i}]", e.Message);
                }
            }
            throw;
        }
    }
}
