using ReferenceSolutions.FraudDetection.Decisions;

namespace ReferenceSolutions.FraudDetection.Reporting;

/// <summary>
/// One model's test-set output: probabilities at the training rows' prevalence (n), the same corrected to the true
/// prior (n; equal when there is no prior), the decision thresholds chosen for it on held-out predictions, and its
/// bootstrap replicates.
/// </summary>
public sealed record ModelScores(string Name, string Kind, double[] SampleProbabilities, double[] Probabilities, DecisionThresholds Thresholds)
{
    /// <summary>Bootstrap replicates of AUC, AP and the curves, filled by the run.</summary>
    public Intervals.BootstrapInterval.Replicates? Bootstrap { get; set; }
}
