using ReferenceSolutions.Core.Plotting;
using ReferenceSolutions.NeuralNet.Training;
using ScottPlot;

namespace ReferenceSolutions.NeuralNet.Evaluation;

/// <summary>
/// Training and validation loss per epoch (log₁₀ scale) of every twin on one chart: the from-scratch twin as wide pale
/// lines, the library twin as thin dashed lines on top, so coinciding curves show as one line inside the other. Epochs
/// whose loss is NaN or ±∞ (a diverged run) have no point; metrics.json says why.
/// </summary>
public static class LossCurvesPlot
{
    /// <summary>Draws <paramref name="history"/> and saves it to <paramref name="path"/>.</summary>
    public static void Save(string path, TrainingHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var plot = new Plot();
        for (int t = 0; t < history.Names.Count; t++)
        {
            bool first = t == 0;
            Add(plot, $"{history.Names[t]} train", history.TrainLoss[t], Colors.SteelBlue, first);
            Add(plot, $"{history.Names[t]} validation", history.ValidationLoss[t], Colors.OrangeRed, first);
        }
        plot.Title("Cross-entropy per epoch: from scratch and TorchSharp overlaid");
        plot.XLabel("epoch");
        plot.YLabel("log10 loss");
        plot.ShowLegend(Alignment.UpperRight);
        PngPlot.Save(plot, path);
    }

    private static void Add(Plot plot, string name, IReadOnlyList<double> values, Color color, bool wide)
    {
        int[] finite = [.. Enumerable.Range(0, values.Count).Where(e => double.IsFinite(values[e]))];
        double[] xs = [.. finite.Select(e => e + 1.0)];
        double[] ys = [.. finite.Select(e => Math.Log10(Math.Max(values[e], double.Epsilon)))];
        var line = plot.Add.Scatter(xs, ys);
        line.LegendText = name;
        line.MarkerSize = 0;
        line.Color = wide ? color.WithAlpha(0.35) : color;
        line.LineWidth = wide ? 7 : 1.5f;
        line.LinePattern = wide ? LinePattern.Solid : LinePattern.Dashed;
    }
}
