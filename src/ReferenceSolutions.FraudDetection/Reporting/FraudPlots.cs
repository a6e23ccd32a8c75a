using ReferenceSolutions.Core.Plotting;
using ReferenceSolutions.FraudDetection.Calibration;
using ReferenceSolutions.FraudDetection.Intervals;
using ReferenceSolutions.FraudDetection.Metrics;
using ScottPlot;

namespace ReferenceSolutions.FraudDetection.Reporting;

/// <summary>The run's PNGs: ROC and PR curves of every model with 95 % bootstrap bands, reliability curves, cost against threshold.</summary>
internal static class FraudPlots
{
    public static void Roc(string path, IReadOnlyList<ModelScores> models, IReadOnlyList<int> labels, double[] fprGrid)
    {
        var plot = new Plot();
        int color = 0;
        foreach (ModelScores model in models)
        {
            Color c = Palette(color++);
            (double[] fpr, double[] tpr) = RocCurve.Points(model.SampleProbabilities, labels);
            Band(plot, fprGrid, model.Bootstrap!.TprAtFpr, c);
            var line = plot.Add.ScatterLine(fpr, tpr, c);
            line.LegendText = $"{model.Name} (AUC {RocCurve.Auc(model.SampleProbabilities, labels):0.000})";
        }
        plot.Add.Line(0, 0, 1, 1).LinePattern = LinePattern.Dashed;
        plot.Title("ROC curves, test set (bands: 95 % stratified bootstrap)");
        plot.XLabel("false positive rate");
        plot.YLabel("true positive rate (recall)");
        plot.ShowLegend(Alignment.LowerRight);
        PngPlot.Save(plot, path);
    }

    public static void PrecisionRecall(string path, IReadOnlyList<ModelScores> models, IReadOnlyList<int> labels, double[] recallGrid)
    {
        var plot = new Plot();
        int color = 0;
        foreach (ModelScores model in models)
        {
            Color c = Palette(color++);
            (double[] recall, double[] precision) = PrecisionRecallCurve.Points(model.SampleProbabilities, labels);
            Band(plot, recallGrid, model.Bootstrap!.PrecisionAtRecall, c);
            var line = plot.Add.ScatterLine(recall, precision, c);
            line.ConnectStyle = ConnectStyle.StepVertical;
            line.LegendText = $"{model.Name} (AP {PrecisionRecallCurve.AveragePrecision(model.SampleProbabilities, labels):0.000})";
        }
        plot.Title("Precision–recall curves at the test set's prevalence (bands: 95 % bootstrap)");
        plot.XLabel("recall");
        plot.YLabel("precision");
        plot.Axes.SetLimits(0, 1, 0, 1.02);
        plot.ShowLegend(Alignment.LowerLeft);
        PngPlot.Save(plot, path);
    }

    public static void Calibration(string path, IReadOnlyList<ModelScores> models, IReadOnlyList<int> labels)
    {
        var plot = new Plot();
        int color = 0;
        foreach (ModelScores model in models)
        {
            (double[] predicted, double[] observed, _) = ReliabilityCurve.Compute(model.SampleProbabilities, labels);
            var line = plot.Add.ScatterLine(predicted, observed, Palette(color++));
            line.MarkerSize = 6;
            line.LegendText = model.Name;
        }
        plot.Add.Line(0, 0, 1, 1).LinePattern = LinePattern.Dashed;
        plot.Title("Reliability curves (10 bins, sample prevalence)");
        plot.XLabel("mean predicted probability");
        plot.YLabel("observed fraud rate");
        plot.ShowLegend(Alignment.UpperLeft);
        PngPlot.Save(plot, path);
    }

    public static void Cost(string path, IReadOnlyList<ModelScores> models, IReadOnlyList<int> labels, double[] weights, double fpCost, double fnCost, string prevalence)
    {
        var plot = new Plot();
        double[] thresholds = [.. Enumerable.Range(0, 201).Select(k => Math.Pow(10, -4 + (4.0 * k / 200)))];
        int color = 0;
        foreach (ModelScores model in models)
        {
            double[] costs = [.. thresholds.Select(t => Decisions.CostThreshold.CostPer1000(ConfusionMatrix.At(model.Probabilities, labels, t, weights), fpCost, fnCost))];
            var line = plot.Add.ScatterLine(thresholds.Select(Math.Log10).ToArray(), costs, Palette(color++));
            line.LegendText = model.Name;
        }
        double bayes = fpCost / (fpCost + fnCost);
        plot.Add.VerticalLine(Math.Log10(bayes)).LegendText = $"c_FP/(c_FP + c_FN) = {bayes:0.####}";
        plot.Title($"Expected cost per 1,000 transactions (FP {fpCost}, FN {fnCost}; {prevalence})");
        plot.XLabel("log10 threshold on P(fraud)");
        plot.YLabel("cost per 1,000");
        plot.ShowLegend(Alignment.UpperRight);
        PngPlot.Save(plot, path);
    }

    /// <summary>
    /// logreg-from-scratch's weights w₁..w_d on the standardised scale, one row per feature, with their 95 % Wald
    /// intervals (the intercept, on another scale, is in metrics.json only); without an inference (H singular) the
    /// estimates alone, and the title says why.
    /// </summary>
    public static void Coefficients(string path, CoefficientTable table, double[] weights, double lambda)
    {
        var plot = new Plot();
        int d = weights.Length;
        double[] rows = [.. Enumerable.Range(0, d).Select(j => (double)(d - 1 - j))];
        Color c = Palette(0);
        if (table.Standardised is LogisticRegression.CoefficientInference inference)
        {
            for (int j = 0; j < d; j++)
            {
                (double lo, double hi) = inference.Interval95(j + 1);
                var interval = plot.Add.Line(lo, rows[j], hi, rows[j]);
                interval.LineColor = c;
                interval.LineWidth = 2;
            }
        }
        var points = plot.Add.ScatterPoints(weights, rows, c);
        points.MarkerSize = 7;
        plot.Add.VerticalLine(0).LinePattern = LinePattern.Dashed;
        plot.Axes.Left.SetTicks(rows, table.Names[1..]);
        plot.Title(table.Standardised is null
            ? FormattableString.Invariant($"logreg-from-scratch weights (λ = {lambda}); no intervals: H is singular")
            : FormattableString.Invariant($"logreg-from-scratch weights, 95 % Wald intervals (λ = {lambda})"));
        plot.XLabel("weight per standard deviation of the feature");
        PngPlot.Save(plot, path, PngPlot.Width, Math.Max(PngPlot.Height, 120 + (18 * d)));
    }

    /// <summary>
    /// The mean AUC drop of every feature (rows, largest mean over the series at the top) for each series of
    /// permutation importances (one bar colour each: a model's PFI by us or by ML.NET), with ±1.96·SE error bars.
    /// </summary>
    public static void PermutationImportance(string path, IReadOnlyList<(string Name, Explanations.FeatureImportance[] Importances)> series, int repeats)
    {
        var plot = new Plot();
        int d = series[0].Importances.Length, groups = series.Count + 1;
        int[] order = [.. Enumerable.Range(0, d).OrderByDescending(j => series.Average(s => s.Importances[j].AucDrop)).ThenBy(j => j)];
        for (int s = 0; s < series.Count; s++)
        {
            Bar[] bars = [.. order.Select((j, row) => new Bar
            {
                Position = ((d - 1 - row) * groups) + (series.Count - 1 - s),
                Value = series[s].Importances[j].AucDrop,
                Error = 1.96 * series[s].Importances[j].AucDropSe,
                FillColor = Palette(s),
            })];
            var plottable = plot.Add.Bars(bars);
            plottable.Horizontal = true;
            plottable.LegendText = series[s].Name;
        }
        double[] ticks = [.. order.Select((_, row) => ((d - 1 - row) * groups) + ((series.Count - 1) / 2.0))];
        plot.Axes.Left.SetTicks(ticks, [.. order.Select(j => series[0].Importances[j].Feature)]);
        plot.Add.VerticalLine(0).LinePattern = LinePattern.Dashed;
        plot.Title(FormattableString.Invariant($"Permutation importance: mean AUC drop, R = {repeats}, ±1.96 SE"));
        plot.XLabel("AUC − AUC with the feature permuted");
        plot.ShowLegend(Alignment.LowerRight);
        PngPlot.Save(plot, path, PngPlot.Width, Math.Max(PngPlot.Height, 120 + (8 * groups * d)));
    }

    private static void Band(Plot plot, double[] grid, double[][] replicates, Color color)
    {
        if (replicates.Length == 0 || replicates[0] is null)
        {
            return;
        }
        double[] low = new double[grid.Length], high = new double[grid.Length];
        for (int g = 0; g < grid.Length; g++)
        {
            double[] column = [.. replicates.Select(r => r[g]).Where(double.IsFinite)];
            low[g] = BootstrapInterval.Percentile(column, 0.025);
            high[g] = BootstrapInterval.Percentile(column, 0.975);
        }
        var fill = plot.Add.FillY(grid, low, high);
        fill.FillColor = color.WithAlpha(0.15);
        fill.LineColor = Colors.Transparent;
    }

    private static Color Palette(int index) => new ScottPlot.Palettes.Category10().GetColor(index);
}
