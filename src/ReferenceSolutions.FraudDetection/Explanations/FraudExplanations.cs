using System.Globalization;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.FraudDetection.Reporting;

namespace ReferenceSolutions.FraudDetection.Explanations;

/// <summary>
/// The run's explanations on the test rows Z (n×d, standardised with the training rows' μ and s) and their parity with
/// ML.NET: logreg-mlnet's contributions from <c>CalculateFeatureContribution</c> against wⱼ·zᵢⱼ with its own weights
/// and against the from-scratch contributions (<see cref="LinearContributions"/>); permutation importance from scratch
/// (<see cref="PermutationImportance"/>) of logreg-from-scratch, logreg-mlnet and fasttree-mlnet, each scored through
/// the run's fitted model, against ML.NET's PFI of the same two ML.NET models (<see cref="MLNetExplanations"/>).
/// </summary>
internal sealed class FraudExplanations
{
    /// <summary>The models whose permutation importance the run reports, with ML.NET's PFI of the two ML.NET ones.</summary>
    public static readonly string[] Models = ["logreg-from-scratch", "logreg-mlnet", "fasttree-mlnet"];

    /// <summary>
    /// The most test rows the permutation importance scores (a class-stratified sample above it,
    /// <see cref="PermutationImportance.Sample"/>): the five PFIs score every row R·d times each, four of them through
    /// ML.NET's pipeline, so this bounds the run's added time (docs/fraud-detection.md#explanations has the figures).
    /// </summary>
    public const int MaxPermutationRows = 2000;

    private readonly Dictionary<string, FeatureImportance[]> _scratch = [];
    private readonly Dictionary<string, FeatureImportance[]> _mlnet = [];
    private readonly int _repeats;
    private readonly int _rows;

    private FraudExplanations(int repeats, int rows)
    {
        _repeats = repeats;
        _rows = rows;
    }

    /// <summary>The contributions and PFI checks, in <see cref="FraudChecks"/> order.</summary>
    public IReadOnlyList<ParityCheck> Parity { get; private set; } = [];

    /// <summary>
    /// Computes everything on test rows <paramref name="test"/> (n×d, standardised) with labels <paramref name="labels"/>:
    /// the contributions on every row, the permutation importance on at most <see cref="MaxPermutationRows"/> of them
    /// (the same rows on both sides), R = <paramref name="repeats"/> permutations per feature, ours (and the sample)
    /// from <paramref name="rng"/>, ML.NET's from <c>MLContext(<paramref name="mlSeed"/>)</c>. The five PFIs run
    /// concurrently, each on its own seeded stream (forked in model order first), so the result is the same on any
    /// number of threads.
    /// </summary>
    public static FraudExplanations Compute(FraudModels fitted, Matrix test, int[] labels, IReadOnlyList<string> names, int repeats, Rng rng, int mlSeed)
    {
        int[] sample = PermutationImportance.Sample(labels, MaxPermutationRows, rng.Fork());
        Matrix z = Rows(test, sample);
        int[] y = [.. sample.Select(i => labels[i])];
        double[] weights = PermutationImportance.ClassWeights(labels, sample);
        var explanations = new FraudExplanations(repeats, sample.Length);
        var scorers = new Dictionary<string, Func<Matrix, double[]>>
        {
            [Models[0]] = fitted.Scratch.Model.Probabilities,
            [Models[1]] = rows => fitted.MLNet.Predict(rows).Probabilities(),
            [Models[2]] = fitted.FastTree.Probabilities,
        };
        Rng[] streams = [.. Models.Select(_ => rng.Fork())];
        Task<FeatureImportance[]>[] ours = [.. Models.Select((model, k) => Task.Run(() => PermutationImportance.Compute(z, y, scorers[model], names, repeats, streams[k], weights)))];
        Task<FeatureImportance[]>[] theirs =
        [
            Task.Run(() => MLNetExplanations.PermutationImportance(fitted.MLNet.Trained.Model, z, y, names, repeats, mlSeed)),
            Task.Run(() => MLNetExplanations.PermutationImportance(fitted.FastTree.Trained.Model, z, y, names, repeats, mlSeed)),
        ];
        for (int k = 0; k < Models.Length; k++)
        {
            explanations._scratch[Models[k]] = ours[k].GetAwaiter().GetResult();
        }
        explanations._mlnet[Models[1]] = theirs[0].GetAwaiter().GetResult();
        explanations._mlnet[Models[2]] = theirs[1].GetAwaiter().GetResult();

        string rows = string.Create(CultureInfo.InvariantCulture, $"the {test.Rows} test rows, standardised with the training rows' μ and s");
        string pfiOn = string.Create(CultureInfo.InvariantCulture,
            $"{(sample.Length == test.Rows ? rows : $"a class-stratified sample of {sample.Length} of {rows} ({y.Sum()} of their {labels.Sum()} frauds; our log-loss weighted back to all of them)")}; R = {repeats} permutations per feature on each side (ours seeded by the run's seed, ML.NET's from MLContext({mlSeed})); AUC of the model's Probability (ours) and Score (ML.NET)");
        explanations.Parity =
        [
            FraudChecks.ContributionsMLNet.Measure(ContributionComparisons.OwnWeights(fitted.MLNet, test), rows + ", every feature kept (numberOfPositiveContributions = numberOfNegativeContributions = d)"),
            FraudChecks.ContributionsScratchMLNet.Measure(ContributionComparisons.FromScratch(fitted.Scratch.Model, fitted.MLNet, test), rows + ", ML.NET with normalize: false and every feature kept"),
            FraudChecks.PermutationImportanceLogReg.Measure(ImportanceComparisons.Means(explanations._scratch[Models[1]], explanations._mlnet[Models[1]], repeats), $"{Models[1]}: {pfiOn}"),
            FraudChecks.PermutationTopLogReg.Measure(ImportanceComparisons.Top(explanations._scratch[Models[1]], explanations._mlnet[Models[1]], repeats), $"{Models[1]}: {pfiOn}"),
            FraudChecks.PermutationImportanceFastTree.Measure(ImportanceComparisons.Means(explanations._scratch[Models[2]], explanations._mlnet[Models[2]], repeats), $"{Models[2]}: {pfiOn}"),
            FraudChecks.PermutationTopFastTree.Measure(ImportanceComparisons.Top(explanations._scratch[Models[2]], explanations._mlnet[Models[2]], repeats), $"{Models[2]}: {pfiOn}"),
        ];
        return explanations;
    }

    private static Matrix Rows(Matrix x, int[] rows)
    {
        var result = new Matrix(rows.Length, x.Columns);
        for (int r = 0; r < rows.Length; r++)
        {
            x.Row(rows[r]).CopyTo(result.Row(r));
        }
        return result;
    }

    /// <summary>
    /// Adds <c>permutationImportance</c> (ours, on the model's own scores), <c>permutationImportanceMLNet</c> (ML.NET's
    /// PFI, AUC only), <c>permutationRepeats</c> (R) and <c>permutationRows</c> (the rows scored) to the metrics of a
    /// model in <see cref="Models"/>.
    /// </summary>
    public void AddMetrics(string model, Dictionary<string, object> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        if (_scratch.TryGetValue(model, out FeatureImportance[]? ours))
        {
            metrics["permutationImportance"] = ours.Select(f => f.ToJson()).ToArray();
            if (_mlnet.TryGetValue(model, out FeatureImportance[]? theirs))
            {
                metrics["permutationImportanceMLNet"] = theirs.Select(f => f.ToJson()).ToArray();
            }
            metrics["permutationRepeats"] = _repeats;
            metrics["permutationRows"] = _rows;
        }
    }

    /// <summary>permutation-importance.png: every side's mean AUC drop per feature with ±1.96 SE.</summary>
    public void Plot(string path)
    {
        var series = new List<(string Name, FeatureImportance[] Importances)>();
        foreach (string model in Models)
        {
            series.Add(($"{model} (ours)", _scratch[model]));
            if (_mlnet.TryGetValue(model, out FeatureImportance[]? theirs))
            {
                series.Add(($"{model} (ML.NET PFI)", theirs));
            }
        }
        FraudPlots.PermutationImportance(path, series, _repeats);
    }
}
