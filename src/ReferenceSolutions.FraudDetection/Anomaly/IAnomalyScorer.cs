using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.FraudDetection.Anomaly;

/// <summary>An anomaly score fitted on normal-class rows only; larger means more unusual. X is n×d.</summary>
public interface IAnomalyScorer
{
    /// <summary>One score per row of X.</summary>
    double[] Score(Matrix x);
}
