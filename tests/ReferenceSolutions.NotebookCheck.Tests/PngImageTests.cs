namespace ReferenceSolutions.NotebookCheck.Tests;

public class PngImageTests
{
    [Theory]
    [InlineData(SkiaSharp.SKPngEncoderFilterFlags.AllFilters)]
    [InlineData(SkiaSharp.SKPngEncoderFilterFlags.NoFilters)]
    [InlineData(SkiaSharp.SKPngEncoderFilterFlags.Sub)]
    [InlineData(SkiaSharp.SKPngEncoderFilterFlags.Up)]
    [InlineData(SkiaSharp.SKPngEncoderFilterFlags.Avg)]
    [InlineData(SkiaSharp.SKPngEncoderFilterFlags.Paeth)]
    public void Decodes_to_the_pixels_Skia_decodes_whatever_filter_the_encoder_chose(SkiaSharp.SKPngEncoderFilterFlags filters)
    {
        byte[] png = TestImages.Reencoded(TestImages.Plot(0.7), filters, zlibLevel: 6);

        var image = PngImage.Decode(png);

        Assert.Equal((TestImages.Width, TestImages.Height), (image.Width, image.Height));
        Assert.Equal(TestImages.SkiaPixels(png), image.Rgba);
    }

    [Fact]
    public void Other_bytes_of_the_same_pixels_compare_equal_and_one_changed_level_does_not()
    {
        byte[] png = TestImages.Plot(0.7);

        Assert.Null(ImageComparison.Difference(png, TestImages.Reencoded(png)));
        Assert.Equal(
            $"1 of 96,000 pixels differ by more than 0 (up to 1 in a channel), in x 200..200, y 120..120 of {TestImages.Width}×{TestImages.Height}",
            ImageComparison.Difference(png, TestImages.WithOnePixelChanged(png, 200, 120)));
        Assert.StartsWith("the image size differs: 400×240 committed, 2×2 executed",
            ImageComparison.Difference(png, SmallPng()), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_readable_png_is_reported_not_guessed()
    {
        byte[] png = TestImages.Plot(0.7);
        Assert.Throws<InvalidDataException>(() => PngImage.Decode([.. png.Take(png.Length / 2)]));
        Assert.Throws<InvalidDataException>(() => PngImage.Decode([1, 2, 3]));
        Assert.Contains("cannot be compared: not a PNG", ImageComparison.Difference(png, [1, 2, 3]), StringComparison.Ordinal);
    }

    private static byte[] SmallPng()
    {
        var plot = new ScottPlot.Plot();
        return plot.GetImageBytes(2, 2, ScottPlot.ImageFormat.Png);
    }
}
