using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.FraudDetection.Anomaly;
using ReferenceSolutions.FraudDetection.Calibration;
using ReferenceSolutions.FraudDetection.Data;
using ReferenceSolutions.FraudDetection.LogisticRegression;
using ReferenceSolutions.FraudDetection.Metrics;
using ReferenceSolutions.FraudDetection.Production;

namespace ReferenceSolutions.FraudDetection;

/// <summary>
/// The six reported models and the Mahalanobis score, fitted together on one set of training rows X (n×d, raw
/// features) and y (n): the <see cref="Standardizer"/> is fitted on those rows only; the three logistic regressions
/// share λ; the PCA and Mahalanobis detectors are fitted on the legitimate rows among them, and each PCA score is
/// Platt-scaled on all of them. <see cref="Predict"/> scores other rows with everything fitted here. Two of them can
/// decline on degenerate data, with the reason: ML.NET's RandomizedPca (NaN eigenvectors or scores) and the
/// Mahalanobis distance (a singular covariance); every other model is defined for any data the limits admit.
/// </summary>
internal sealed class FraudModels
{
    /// <summary>The index of <c>pca-anomaly-mlnet</c> in <see cref="Names"/>.</summary>
    public const int PcaNetIndex = 5;

    private readonly Standardizer _scaler;
    private readonly MahalanobisDetector.FitResult _mahalanobis;

    private FraudModels(Standardizer scaler, NewtonFit scratch, NewtonFit torch, MLNetLogisticModel mlnet, FastTreeModel fastTree,
        PcaAnomalyDetector pca, PlattScaling pcaPlatt, (MLNetPcaAnomaly? Model, PlattScaling? Platt, string? Failure) pcaNet, MahalanobisDetector.FitResult mahalanobis)
    {
        _scaler = scaler;
        Scratch = scratch;
        Torch = torch;
        TorchModule = Models.TorchLogisticModule.From(torch.Model);
        MLNet = mlnet;
        FastTree = fastTree;
        Pca = pca;
        PcaPlatt = pcaPlatt;
        PcaNet = pcaNet.Model;
        PcaNetPlatt = pcaNet.Platt;
        PcaNetFailure = pcaNet.Failure;
        _mahalanobis = mahalanobis;
    }

    /// <summary>The reported models' names and kinds, in report order.</summary>
    public static IReadOnlyList<(string Name, string Kind)> Names { get; } =
    [
        ("logreg-from-scratch", Core.Reporting.ModelKinds.FromScratch),
        ("logreg-torch", Core.Reporting.ModelKinds.Torch),
        ("logreg-mlnet", Core.Reporting.ModelKinds.MLNet),
        ("fasttree-mlnet", Core.Reporting.ModelKinds.MLNet),
        ("pca-anomaly-from-scratch", Core.Reporting.ModelKinds.FromScratch),
        ("pca-anomaly-mlnet", Core.Reporting.ModelKinds.MLNet),
    ];

    public NewtonFit Scratch { get; }

    public NewtonFit Torch { get; }

    /// <summary>logreg-torch's θ in a TorchSharp module, whose forward pass gives the reported logreg-torch probabilities (and is what the run saves).</summary>
    public Models.TorchLogisticModule TorchModule { get; }

    public MLNetLogisticModel MLNet { get; }

    public FastTreeModel FastTree { get; }

    public PcaAnomalyDetector Pca { get; }

    public PlattScaling PcaPlatt { get; }

    /// <summary>ML.NET's RandomizedPca, null when it could not fit (<see cref="PcaNetFailure"/> says why).</summary>
    public MLNetPcaAnomaly? PcaNet { get; }

    /// <summary>Platt scaling of <see cref="PcaNet"/>'s score, null with it.</summary>
    public PlattScaling? PcaNetPlatt { get; }

    /// <summary>Why <see cref="PcaNet"/> is missing; null when it was fitted.</summary>
    public string? PcaNetFailure { get; }

    /// <summary>The Mahalanobis detector, null when C was singular.</summary>
    public MahalanobisDetector? Mahalanobis => _mahalanobis.Detector;

    /// <summary>The standardisation z = (x − μ)/s fitted on the training rows.</summary>
    public Standardizer Scaler => _scaler;

    /// <summary>The standardised copy of raw rows, with this fit's μ and s.</summary>
    public Matrix Standardize(Matrix raw) => _scaler.Transform(raw);

    /// <summary>Fits every model on the raw training rows <paramref name="training"/> (n×d, labels n).</summary>
    public static FraudModels Fit(LabeledData training, double lambda, int rank, int seed)
    {
        var scaler = Standardizer.Fit(training);
        Matrix x = scaler.Transform(training.X);
        int[] y = training.Y;
        NewtonFit scratch = new NewtonLogisticRegression().Solve(x, y, lambda);
        NewtonFit torch = new TorchLogisticRegression().Solve(x, y, lambda);
        MLNetLogisticModel mlnet = new MLNetLogisticRegression(seed).Train(x, y, lambda);
        FastTreeModel fastTree = FastTreeModel.Fit(x, y, seed);
        Matrix normal = RowsOf(x, [.. Enumerable.Range(0, y.Length).Where(i => y[i] == 0)]);
        var pca = PcaAnomalyDetector.Fit(normal, rank);
        return new FraudModels(scaler, scratch, torch, mlnet, fastTree, pca, PlattScaling.Fit(pca.Score(x), y),
            FitPcaNet(normal, x, y, rank, seed), MahalanobisDetector.TryFit(normal, training.FeatureNames));
    }

    /// <summary>Every model's output on raw rows <paramref name="raw"/> (m×d).</summary>
    public FraudPredictions Predict(Matrix raw)
    {
        Matrix x = _scaler.Transform(raw);
        LibraryPredictions mlnet = MLNet.Predict(x);
        double[] pcaScores = Pca.Score(x);
        (double[]? pcaNetScores, string? pcaNetFailure) = PcaNet is null ? (null, PcaNetFailure) : Finite(PcaNet.Score(x), "ML.NET's RandomizedPca");
        (double[]? mahalanobis, string? mahalanobisFailure) = _mahalanobis.Detector is null
            ? (null, _mahalanobis.Reason)
            : Finite(_mahalanobis.Detector.Score(x), "the Mahalanobis distance");
        double[]?[] probabilities =
        [
            Scratch.Model.Probabilities(x),
            TorchModule.Probabilities(x),
            mlnet.Probabilities(),
            FastTree.Probabilities(x),
            PcaPlatt.Apply(pcaScores),
            pcaNetScores is null ? null : PcaNetPlatt!.Apply(pcaNetScores),
        ];
        string?[] failures = [null, null, null, null, null, pcaNetFailure];
        return new FraudPredictions(probabilities, failures, mlnet, pcaScores, pcaNetScores, Pca.ReconstructionError(x), mahalanobis, mahalanobisFailure);
    }

    /// <summary>RandomizedPca on the legitimate rows and its Platt scaling on all training rows, or why it could not be fitted.</summary>
    private static (MLNetPcaAnomaly? Model, PlattScaling? Platt, string? Failure) FitPcaNet(Matrix normal, Matrix x, int[] y, int rank, int seed)
    {
        (MLNetPcaAnomaly? model, string? failure) = MLNetPcaAnomaly.TryFit(normal, rank, seed);
        if (model is null)
        {
            return (null, null, failure);
        }
        (double[]? scores, failure) = Finite(model.Score(x), "ML.NET's RandomizedPca");
        return scores is null ? (null, null, failure + " on the training rows") : (model, PlattScaling.Fit(scores, y), null);
    }

    /// <summary>The scores when all are finite, else null and a reason naming the first row that is not.</summary>
    private static (double[]? Scores, string? Failure) Finite(double[] scores, string scorer)
    {
        int bad = Array.FindIndex(scores, s => !double.IsFinite(s));
        return bad < 0
            ? (scores, null)
            : (null, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{scorer} gave {scores[bad]} for row {bad + 1} of {scores.Length} scored"));
    }

    private static Matrix RowsOf(Matrix x, int[] rows)
    {
        var result = new Matrix(rows.Length, x.Columns);
        for (int r = 0; r < rows.Length; r++)
        {
            x.Row(rows[r]).CopyTo(result.Row(r));
        }
        return result;
    }
}
