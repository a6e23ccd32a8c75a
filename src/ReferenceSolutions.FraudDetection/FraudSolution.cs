using ReferenceSolutions.Core.Models;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.FraudDetection.Data;

namespace ReferenceSolutions.FraudDetection;

/// <summary>
/// Fraud detection: logistic regression (Newton from scratch ⇄ TorchSharp float64 ⇄ ML.NET L-BFGS), FastTree, PCA and
/// Mahalanobis anomaly scores (Jacobi from scratch ⇄ ML.NET RandomizedPca), metrics with intervals and cost-based
/// thresholds; <c>refsol score fraud</c> scores rows with a run's saved models (<see cref="Models.FraudScoring"/>). See docs/fraud-detection.md.
/// </summary>
public sealed class FraudSolution : IScoringSolution
{
    /// <inheritdoc/>
    public string Name => "fraud";

    /// <inheritdoc/>
    public string Summary => "Fraud detection: logistic regression (Newton ⇄ TorchSharp ⇄ ML.NET L-BFGS), FastTree, PCA anomaly scores, ROC/PR with bootstrap and DeLong intervals, cost thresholds.";

    /// <inheritdoc/>
    public RunReport Run(RunContext context) => Run(context, new FraudRunOptions());

    /// <summary>Runs with the given options (data file, label, costs, prior...).</summary>
    public RunReport Run(RunContext context, FraudRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        return new FraudRun(Name, context, options).Execute();
    }

    /// <inheritdoc/>
    public ScoreOutput Score(ScoreRequest request) => Models.FraudScoring.Score(request);

    /// <inheritdoc/>
    public IReadOnlyList<string> GenerateData(string directory, ulong seed)
    {
        string path = Path.Combine(directory, "transactions.csv");
        TransactionGenerator.WriteCsv(TransactionGenerator.Generate(TransactionGenerator.DefaultRows, seed), path);
        return [path];
    }
}
