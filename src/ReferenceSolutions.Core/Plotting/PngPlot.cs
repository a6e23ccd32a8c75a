using ReferenceSolutions.Core.Output;
using ScottPlot;

namespace ReferenceSolutions.Core.Plotting;

/// <summary>Saves ScottPlot figures as PNG through <see cref="AtomicFile"/>, at one size for the whole suite.</summary>
public static class PngPlot
{
    /// <summary>Default width in pixels.</summary>
    public const int Width = 800;

    /// <summary>Default height in pixels.</summary>
    public const int Height = 500;

    /// <summary>Renders <paramref name="plot"/> and writes it to <paramref name="path"/> atomically.</summary>
    public static void Save(Plot plot, string path, int width = Width, int height = Height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        byte[] png = plot.GetImageBytes(width, height, ImageFormat.Png);
        AtomicFile.WriteAllBytes(path, png);
    }

    /// <summary>A line chart of named series over x = 1..n (e.g. loss per epoch), saved to <paramref name="path"/>.</summary>
    public static void Lines(string path, string title, string xLabel, string yLabel, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> series, bool logY = false)
    {
        ArgumentNullException.ThrowIfNull(series);
        var plot = new Plot();
        foreach ((string name, IReadOnlyList<double> values) in series)
        {
            double[] xs = Enumerable.Range(1, values.Count).Select(i => (double)i).ToArray();
            double[] ys = logY ? values.Select(v => Math.Log10(Math.Max(v, double.Epsilon))).ToArray() : [.. values];
            var scatter = plot.Add.Scatter(xs, ys);
            scatter.LegendText = name;
        }
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(logY ? $"log10 {yLabel}" : yLabel);
        plot.ShowLegend();
        Save(plot, path);
    }
}
