using System.Globalization;
using ReferenceSolutions.Core.Plotting;
using ScottPlot;

namespace ReferenceSolutions.NeuralNet.Evaluation;

/// <summary>A C×C confusion matrix as a PNG: one shaded square per (true, predicted) pair with its count, true class down the side.</summary>
public static class ConfusionMatrixPlot
{
    /// <summary>Draws <paramref name="matrix"/> (rows = true class) and saves it to <paramref name="path"/>.</summary>
    public static void Save(string path, string title, int[][] matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int classes = matrix.Length;
        double max = Math.Max(1, matrix.Max(r => r.Max()));
        var plot = new Plot();
        for (int t = 0; t < classes; t++)
        {
            for (int p = 0; p < classes; p++)
            {
                double y = classes - 1 - t;
                double shade = matrix[t][p] / max;
                var square = plot.Add.Rectangle(p, p + 1, y, y + 1);
                square.FillColor = Colors.SteelBlue.WithAlpha(0.08 + (0.92 * shade));
                square.LineColor = Colors.White;
                if (matrix[t][p] > 0)
                {
                    var label = plot.Add.Text(matrix[t][p].ToString(CultureInfo.InvariantCulture), p + 0.5, y + 0.5);
                    label.LabelAlignment = Alignment.MiddleCenter;
                    label.LabelFontColor = shade > 0.5 ? Colors.White : Colors.Black;
                }
            }
        }
        double[] ticks = Enumerable.Range(0, classes).Select(c => c + 0.5).ToArray();
        string[] names = Enumerable.Range(0, classes).Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray();
        plot.Axes.Bottom.SetTicks(ticks, names);
        plot.Axes.Left.SetTicks(ticks, names.Reverse().ToArray());
        plot.Axes.SetLimits(0, classes, 0, classes);
        plot.Title(title);
        plot.XLabel("predicted class");
        plot.YLabel("true class");
        PngPlot.Save(plot, path, 700, 700);
    }
}
