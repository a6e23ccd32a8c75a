using Microsoft.ML;
using Microsoft.ML.Data;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.FraudDetection.Metrics;

namespace ReferenceSolutions.FraudDetection.LogisticRegression;

/// <summary>
/// A fitted ML.NET <c>LbfgsLogisticRegression</c>: its θ = [b, w] (read from <c>LinearBinaryModelParameters</c>, for
/// parity with the other twins) and its own scorer, whose columns are what the reported <c>logreg-mlnet</c> model
/// outputs: Score = b + wᵀx in float32, Probability = 1/(1 + e^{−Score}) (its <c>PlattCalibrator</c> with slope −1,
/// offset 0) and PredictedLabel = Score &gt; 0.
/// </summary>
public sealed class MLNetLogisticModel
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;

    internal MLNetLogisticModel(MLContext ml, ITransformer model, LogisticModel theta)
    {
        _ml = ml;
        _model = model;
        Theta = theta;
    }

    /// <summary>The ML.NET context and trained transformer, for saving (Models/MLNetZip) and for ML.NET's explainability catalog.</summary>
    internal (MLContext Context, ITransformer Model) Trained => (_ml, _model);

    /// <summary>θ as ML.NET stores it, widened to float64.</summary>
    public LogisticModel Theta { get; }


    /// <summary>ML.NET's Score, Probability and PredictedLabel for each row of X (n×d).</summary>
    public LibraryPredictions Predict(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        IDataView scored = _model.Transform(MLNetData.Load(_ml, x, new int[x.Rows]));
        return new LibraryPredictions(
            [.. scored.GetColumn<float>("Score")],
            [.. scored.GetColumn<float>("Probability")],
            [.. scored.GetColumn<bool>("PredictedLabel")]);
    }
}
