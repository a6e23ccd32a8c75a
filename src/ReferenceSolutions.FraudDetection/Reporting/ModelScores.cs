namespace ReferenceSolutions.FraudDetection.Reporting;

/// <summary>
/// One model's test-set output: probabilities at the sample's prevalence (n), the same corrected to the true prior
/// (n; equal when there is no prior), and its bootstrap replicates.
/// </summary>
public sealed record ModelScores(string Name, string Kind, double[] SampleProbabilities, double[] Probabilities)
{
    /// <summary>Bootstrap replicates of AUC, AP and the curves, filled by the run.</summary>
    public Intervals.BootstrapInterval.Replicates? Bootstrap { get; set; }
}
