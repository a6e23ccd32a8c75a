using ReferenceSolutions.FraudDetection.Metrics;

namespace ReferenceSolutions.FraudDetection;

/// <summary>
/// The models' output on m rows: each reported model's probability (in <see cref="FraudModels.Names"/> order, m each;
/// null for a model that could not be fitted or scored, with the reason at the same index of <see cref="Failures"/>),
/// logreg-mlnet's own ML.NET columns, the two PCA scores s(x) before Platt scaling (ML.NET's null with its model), the
/// raw PCA error e(x) and the Mahalanobis D²(x) (null with <see cref="MahalanobisFailure"/> when C is singular).
/// </summary>
internal sealed record FraudPredictions(double[]?[] Probabilities, string?[] Failures, LibraryPredictions MLNetLogReg, double[] PcaScores, double[]? PcaNetScores,
    double[] PcaErrors, double[]? Mahalanobis, string? MahalanobisFailure);
