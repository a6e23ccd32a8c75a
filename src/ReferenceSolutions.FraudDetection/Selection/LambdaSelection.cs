using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.FraudDetection.Data;
using ReferenceSolutions.FraudDetection.LogisticRegression;
using ReferenceSolutions.FraudDetection.Metrics;

namespace ReferenceSolutions.FraudDetection.Selection;

/// <summary>
/// Choosing the ridge λ of the logistic regressions without the test rows: each candidate of <see cref="Grid"/> is
/// scored by the mean log-loss (nats per row) of the from-scratch Newton fit on held-out rows — the validation rows of a
/// time split, or each fold of a stratified k-fold in turn, averaged over the k folds. For every part the
/// <see cref="Standardizer"/> and the fit see its training rows only. The parts are fitted in parallel and their
/// losses summed in part order, so the scores do not depend on scheduling. The log-loss is a strictly proper score of the
/// probabilities the model is used for (the cost threshold and the prior correction read them as probabilities),
/// whereas AUC and AP only rank and are flat in λ over much of the grid (docs/fraud-detection.md#protocol).
/// </summary>
public static class LambdaSelection
{
    /// <summary>The candidates, log-spaced: {0.01, 0.1, 1, 10, 100}.</summary>
    public static IReadOnlyList<double> Grid { get; } = [0.01, 0.1, 1.0, 10.0, 100.0];

    /// <summary>
    /// The score of each λ of <paramref name="grid"/>: the mean over <paramref name="parts"/> of the held-out
    /// log-loss; NaN when a fit did not converge (then the candidate cannot be chosen).
    /// </summary>
    public static double[] Scores(LabeledData data, IReadOnlyList<(int[] Training, int[] HeldOut)> parts, IReadOnlyList<double> grid)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(grid);
        double[][] losses = new double[parts.Count][];
        Parallel.For(0, parts.Count, j =>
        {
            LabeledData fit = data.Subset(parts[j].Training), held = data.Subset(parts[j].HeldOut);
            var scaler = Standardizer.Fit(fit);
            Matrix xFit = scaler.Transform(fit.X), xHeld = scaler.Transform(held.X);
            losses[j] = new double[grid.Count];
            for (int c = 0; c < grid.Count; c++)
            {
                NewtonFit result = new NewtonLogisticRegression().Solve(xFit, fit.Y, grid[c]);
                losses[j][c] = result.Converged ? ProbabilityScores.LogLoss(result.Model.Probabilities(xHeld), held.Y) : double.NaN;
            }
        });
        double[] sums = new double[grid.Count];
        foreach (double[] part in losses)
        {
            for (int c = 0; c < grid.Count; c++)
            {
                sums[c] += part[c];
            }
        }
        return [.. sums.Select(s => s / parts.Count)];
    }

    /// <summary>The index of the smallest finite score, the first on a tie; −1 when none is finite.</summary>
    public static int Best(IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        int best = -1;
        for (int c = 0; c < scores.Count; c++)
        {
            if (double.IsFinite(scores[c]) && (best < 0 || scores[c] < scores[best]))
            {
                best = c;
            }
        }
        return best;
    }
}
