using System.Globalization;
using ReferenceSolutions.Core.Plotting;
using ScottPlot;

namespace ReferenceSolutions.NeuralNet.Evaluation;

/// <summary>
/// Each explained row as two images side by side: its raw input (grayscale, 0 white to the row's largest black; drawn as −x on a gray scale from −max to 0) and its
/// saliency ∂p_c/∂x (blue negative, red positive, symmetric about 0 at ± the row's largest |∂p_c/∂x|), both
/// <c>height</c>×<c>width</c> (8×8 for optdigits, 1×D otherwise), five rows to a line, each titled with its class, the
/// predicted class c and p_c. A row whose saliency is not finite (a diverged network) is drawn blank and says so.
/// </summary>
public static class SaliencyPlot
{
    private const int PerLine = 5;

    /// <summary>Draws the rows of <paramref name="inputs"/> beside those of <paramref name="saliency"/> (both N×D, D = height·width) and saves the PNG.</summary>
    public static void Save(string path, Matrix inputs, Matrix saliency, int[] labels, int[] classes, double[] probabilities, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(saliency);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(probabilities);
        var plot = new Plot();
        double pairWidth = (2 * width) + 1.5;
        double lineHeight = height + 2.0;
        int lines = (inputs.Rows + PerLine - 1) / PerLine;
        for (int n = 0; n < inputs.Rows; n++)
        {
            double left = n % PerLine * pairWidth;
            double top = -(n / PerLine) * lineHeight;
            double largest = System.Numerics.Tensors.TensorPrimitives.MaxMagnitude<double>(inputs.Row(n));
            ScottPlot.Plottables.Heatmap image = plot.Add.Heatmap(Grid(inputs.Row(n), height, width, -1.0));
            image.Colormap = new ScottPlot.Colormaps.Grayscale();
            image.ManualRange = new ScottPlot.Range(-(Math.Abs(largest) > 0 ? Math.Abs(largest) : 1), 0);
            image.Rectangle = new CoordinateRect(left, left + width, top - height, top);
            bool finite = IsFinite(saliency.Row(n));
            double reach = finite ? Math.Abs(System.Numerics.Tensors.TensorPrimitives.MaxMagnitude<double>(saliency.Row(n))) : 0.0;
            ScottPlot.Plottables.Heatmap map = plot.Add.Heatmap(Grid(saliency.Row(n), height, width, finite ? 1.0 : 0.0));
            map.Colormap = new ScottPlot.Colormaps.Balance();
            map.ManualRange = new ScottPlot.Range(-(reach > 0 ? reach : 1), reach > 0 ? reach : 1);
            map.Rectangle = new CoordinateRect(left + width + 0.5, left + (2 * width) + 0.5, top - height, top);
            var label = plot.Add.Text(string.Create(CultureInfo.InvariantCulture, $"class {labels[n]} → {classes[n]}, p {probabilities[n]:0.000}{(finite ? "" : ", ∂p/∂x not finite")}"), left + width + 0.25, top + 0.2);
            label.LabelAlignment = Alignment.LowerCenter;
            label.LabelFontSize = 11;
        }
        plot.HideAxesAndGrid();
        plot.Axes.SetLimits(-0.5, (Math.Min(inputs.Rows, PerLine) * pairWidth) - 1, -(lines * lineHeight) + 1.5, 1.5);
        plot.Title("input (gray) beside ∂p_c/∂x (blue −, red +), c the predicted class");
        PngPlot.Save(plot, path, 1000, 100 + (lines * 150));
    }

    private static bool IsFinite(ReadOnlySpan<double> row)
    {
        foreach (double v in row)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The row as a height×width grid (row-major, grid row 0 drawn at the top), each value times <paramref name="sign"/>, a NaN or ±∞ as 0.</summary>
    private static double[,] Grid(ReadOnlySpan<double> row, int height, int width, double sign)
    {
        var grid = new double[height, width];
        for (int r = 0; r < height; r++)
        {
            for (int c = 0; c < width; c++)
            {
                double value = row[(r * width) + c];
                grid[r, c] = double.IsFinite(value) ? sign * value : 0.0;
            }
        }
        return grid;
    }
}
