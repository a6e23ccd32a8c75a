using SkiaSharp;

namespace ReferenceSolutions.NotebookCheck.Tests;

/// <summary>PNGs made by an independent encoder: ScottPlot plots rendered and encoded by SkiaSharp (libpng inside Skia).</summary>
internal static class TestImages
{
    public const int Width = 400, Height = 240;

    /// <summary>A 400×240 plot of a line from (0, 0) to (1, <paramref name="end"/>), with a title, as PNG bytes.</summary>
    public static byte[] Plot(double end)
    {
        var plot = new ScottPlot.Plot();
        plot.Add.Scatter(new double[] { 0, 0.5, 1 }, new double[] { 0, end / 3, end });
        plot.Title("ROC");
        return plot.GetImageBytes(Width, Height, ScottPlot.ImageFormat.Png);
    }

    /// <summary>Skia's own decoding of <paramref name="png"/> to unpremultiplied RGBA, 4 bytes a pixel.</summary>
    public static byte[] SkiaPixels(byte[] png)
    {
        using var decoded = SKBitmap.Decode(png);
        using var rgba = new SKBitmap(new SKImageInfo(decoded.Width, decoded.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        Assert.True(decoded.CopyTo(rgba, SKColorType.Rgba8888));
        return rgba.Bytes;
    }

    /// <summary>The same pixels encoded again with other PNG filters and zlib level, so other bytes (asserted).</summary>
    public static byte[] Reencoded(byte[] png, SKPngEncoderFilterFlags filters = SKPngEncoderFilterFlags.NoFilters, int zlibLevel = 1)
    {
        using var decoded = SKBitmap.Decode(png);
        using var pixmap = decoded.PeekPixels() ?? throw new InvalidOperationException("no pixels");
        using var data = pixmap.Encode(new SKPngEncoderOptions(filters, zlibLevel)) ?? throw new InvalidOperationException("PNG encoding failed");
        byte[] bytes = data.ToArray();
        Assert.False(bytes.AsSpan().SequenceEqual(png), "re-encoding produced the same bytes");
        return bytes;
    }

    /// <summary><paramref name="png"/> with the lowest bit of one pixel's red channel flipped (a change of one level), encoded again.</summary>
    public static byte[] WithOnePixelChanged(byte[] png, int x, int y)
    {
        using var decoded = SKBitmap.Decode(png);
        var colour = decoded.GetPixel(x, y);
        decoded.SetPixel(x, y, colour.WithRed((byte)(colour.Red ^ 1)));
        using var data = decoded.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
