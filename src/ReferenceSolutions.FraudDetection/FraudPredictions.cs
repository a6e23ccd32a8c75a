using ReferenceSolutions.FraudDetection.Metrics;

namespace ReferenceSolutions.FraudDetection;

/// <summary>
/// The models' output on m rows: each reported model's probability (in <see cref="FraudModels.Names"/> order, m each),
/// logreg-mlnet's own ML.NET columns, the two PCA scores s(x) before Platt scaling, the raw PCA error e(x) and the
/// Mahalanobis D²(x).
/// </summary>
internal sealed record FraudPredictions(double[][] Probabilities, LibraryPredictions MLNetLogReg, double[] PcaScores, double[] PcaNetScores, double[] PcaErrors, double[] Mahalanobis);
