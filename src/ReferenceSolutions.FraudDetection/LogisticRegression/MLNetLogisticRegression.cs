using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.FraudDetection.LogisticRegression;

/// <summary>
/// The ML.NET twin: <c>LbfgsLogisticRegression</c> set up to minimise our objective. ML.NET's L-BFGS minimises
/// (Σᵢ ℓᵢ + ½·L2·‖w‖²)/W with ℓ the log-loss in nats, W the sum of example weights (n here), and the bias excluded
/// from the penalty (LbfgsTrainerBase.DifferentiableFunction: "return (loss + regLoss) * scaleFactor", scaleFactor =
/// 1/WeightSum, regLoss = ½·L2Weight·Σ_{i ≥ BiasCount} xᵢ²). Dividing our f by n changes no minimiser, so
/// L2Regularization = λ exactly; L1Regularization = 0 (its default 1 would add an L1 term). Features and weights are
/// float32 and the stopping rule is a mean relative improvement of the objective over 5 steps below
/// OptimizationTolerance (set to 1e-10 here, default 1e-7, so that float32 noise rather than the rule ends the run),
/// which is why its θ matches ours to ≈ 1e-4 relative, not 1e-10.
/// </summary>
public sealed class MLNetLogisticRegression(int seed, float optimizationTolerance = 1e-10f) : ILogisticRegression
{
    /// <inheritdoc/>
    public string Name => Core.Reporting.ModelKinds.MLNet;

    /// <inheritdoc/>
    public LogisticModel Fit(Matrix x, IReadOnlyList<int> y, double lambda) => Train(x, y, lambda).Theta;

    /// <summary>Trains on X (n×d) and y (n); the result holds θ and predicts with ML.NET's own scorer.</summary>
    public MLNetLogisticModel Train(Matrix x, IReadOnlyList<int> y, double lambda)
    {
        ArgumentNullException.ThrowIfNull(x);
        var ml = new MLContext(seed);
        IDataView data = MLNetData.Load(ml, x, y);
        var options = new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            L1Regularization = 0f,
            L2Regularization = (float)lambda,
            OptimizationTolerance = optimizationTolerance,
            HistorySize = 20,
            MaximumNumberOfIterations = 10_000,
            NumberOfThreads = 1,
        };
        BinaryPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>> model =
            ml.BinaryClassification.Trainers.LbfgsLogisticRegression(options).Fit(data);
        LinearBinaryModelParameters linear = model.Model.SubModel;
        return new MLNetLogisticModel(ml, model, new LogisticModel(linear.Bias, [.. linear.Weights.Select(v => (double)v)]));
    }
}
