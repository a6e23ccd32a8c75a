namespace ReferenceSolutions.NotebookCheck;

/// <summary>
/// Two images are the same when their PNG bytes are identical, or, when the bytes differ, when both decode
/// (<see cref="PngImage"/>) to the same width and height and no channel of any pixel differs by more than
/// <see cref="ChannelTolerance"/>. The bytes are not the contract, the pixels are: another zlib or encoder setting
/// changes the bytes of the same picture.
/// </summary>
internal static class ImageComparison
{
    /// <summary>
    /// The largest |Δ| allowed in one 8-bit channel of one pixel: 0. Measured: every plot of the three notebooks (15
    /// PNGs) came back byte-identical in independent executions (docs/notebooks.md), so no tolerance is needed.
    /// </summary>
    public const int ChannelTolerance = 0;

    /// <summary>Null when the images are the same; otherwise what differs, in one line.</summary>
    public static string? Difference(byte[] committed, byte[] executed)
    {
        if (committed.AsSpan().SequenceEqual(executed))
        {
            return null;
        }
        PngImage a, b;
        try
        {
            a = PngImage.Decode(committed);
            b = PngImage.Decode(executed);
        }
        catch (InvalidDataException e)
        {
            return $"the PNG bytes differ ({committed.Length:N0} vs {executed.Length:N0} bytes) and the pixels cannot be compared: {e.Message}";
        }
        if (a.Width != b.Width || a.Height != b.Height)
        {
            return $"the image size differs: {a.Width}×{a.Height} committed, {b.Width}×{b.Height} executed";
        }
        int differing = 0, largest = 0, left = int.MaxValue, right = -1, top = int.MaxValue, bottom = -1;
        for (int pixel = 0; pixel < a.Width * a.Height; pixel++)
        {
            int delta = 0;
            for (int channel = 0; channel < 4; channel++)
            {
                delta = Math.Max(delta, Math.Abs(a.Rgba[(4 * pixel) + channel] - b.Rgba[(4 * pixel) + channel]));
            }
            if (delta > ChannelTolerance)
            {
                int x = pixel % a.Width, y = pixel / a.Width;
                differing++;
                largest = Math.Max(largest, delta);
                (left, right, top, bottom) = (Math.Min(left, x), Math.Max(right, x), Math.Min(top, y), Math.Max(bottom, y));
            }
        }
        return differing == 0
            ? null
            : $"{differing:N0} of {a.Width * a.Height:N0} pixels differ by more than {ChannelTolerance} (up to {largest} in a channel), in x {left}..{right}, y {top}..{bottom} of {a.Width}×{a.Height}";
    }
}
