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
/// Platt-scaled on all of them. <see cref="Predict"/> scores other rows with everything fitted here.
/// </summary>
internal sealed class FraudModels
{
    private readonly Standardizer _scaler;
    private readonly MahalanobisDetector _mahalanobis;

    private FraudModels(Standardizer scaler, NewtonFit scratch, NewtonFit torch, MLNetLogisticModel mlnet, FastTreeModel fastTree,
        PcaAnomalyDetector pca, MLNetPcaAnomaly pcaNet, PlattScaling pcaPlatt, PlattScaling pcaNetPlatt, MahalanobisDetector mahalanobis)
    {
        _scaler = scaler;
        Scratch = scratch;
        Torch = torch;
        MLNet = mlnet;
        FastTree = fastTree;
        Pca = pca;
        PcaNet = pcaNet;
        PcaPlatt = pcaPlatt;
        PcaNetPlatt = pcaNetPlatt;
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

    public MLNetLogisticModel MLNet { get; }

    public FastTreeModel FastTree { get; }

    public PcaAnomalyDetector Pca { get; }

    public MLNetPcaAnomaly PcaNet { get; }

    public PlattScaling PcaPlatt { get; }

    public PlattScaling PcaNetPlatt { get; }

    /// <summary>The standardised copy of raw rows, with this fit's μ and s.</summary>
    public Matrix Standardize(Matrix raw) => _scaler.Transform(raw);

    /// <summary>Fits every model on raw rows <paramref name="raw"/> (n×d) and labels <paramref name="y"/> (n).</summary>
    public static FraudModels Fit(Matrix raw, int[] y, double lambda, int rank, int seed)
    {
        var scaler = Standardizer.Fit(raw);
        Matrix x = scaler.Transform(raw);
        NewtonFit scratch = new NewtonLogisticRegression().Solve(x, y, lambda);
        NewtonFit torch = new TorchLogisticRegression().Solve(x, y, lambda);
        MLNetLogisticModel mlnet = new MLNetLogisticRegression(seed).Train(x, y, lambda);
        FastTreeModel fastTree = FastTreeModel.Fit(x, y, seed);
        Matrix normal = RowsOf(x, [.. Enumerable.Range(0, y.Length).Where(i => y[i] == 0)]);
        var pca = PcaAnomalyDetector.Fit(normal, rank);
        var pcaNet = MLNetPcaAnomaly.Fit(normal, rank, seed);
        return new FraudModels(scaler, scratch, torch, mlnet, fastTree, pca, pcaNet,
            PlattScaling.Fit(pca.Score(x), y), PlattScaling.Fit(pcaNet.Score(x), y), MahalanobisDetector.Fit(normal));
    }

    /// <summary>Every model's output on raw rows <paramref name="raw"/> (m×d).</summary>
    public FraudPredictions Predict(Matrix raw)
    {
        Matrix x = _scaler.Transform(raw);
        LibraryPredictions mlnet = MLNet.Predict(x);
        double[] pcaScores = Pca.Score(x), pcaNetScores = PcaNet.Score(x);
        double[][] probabilities =
        [
            Scratch.Model.Probabilities(x),
            Torch.Model.Probabilities(x),
            mlnet.Probabilities(),
            FastTree.Probabilities(x),
            PcaPlatt.Apply(pcaScores),
            PcaNetPlatt.Apply(pcaNetScores),
        ];
        return new FraudPredictions(probabilities, mlnet, pcaScores, pcaNetScores, Pca.ReconstructionError(x), _mahalanobis.Score(x));
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
