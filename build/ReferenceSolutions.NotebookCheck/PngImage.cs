using System.Buffers.Binary;
using System.IO.Compression;

namespace ReferenceSolutions.NotebookCheck;

/// <summary>
/// A PNG decoded to 8-bit RGBA pixels, row-major, 4 bytes a pixel (W3C PNG specification, 3rd edition): the 8-byte
/// signature, then chunks <c>length (4, big-endian) · type (4) · data · CRC (4)</c>; IHDR holds width, height (4 each),
/// bit depth, colour type, compression, filter and interlace (1 each); the IDAT chunks concatenated are one zlib stream
/// of <c>height</c> scanlines, each one filter-type byte and <c>width·channels</c> bytes, un-filtered against the
/// previous scanline (None, Sub, Up, Average, Paeth). Only what plotting libraries write is read: bit depth 8,
/// colour types 0 (grey), 2 (RGB), 4 (grey + alpha) and 6 (RGBA), not interlaced; anything else throws
/// <see cref="InvalidDataException"/>, as does a truncated or corrupt file.
/// </summary>
internal sealed class PngImage
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    private PngImage(int width, int height, byte[] rgba)
    {
        Width = width;
        Height = height;
        Rgba = rgba;
    }

    /// <summary>Pixels a row.</summary>
    public int Width { get; }

    /// <summary>Rows.</summary>
    public int Height { get; }

    /// <summary>Width·Height·4 bytes: R, G, B, A of each pixel, rows top to bottom.</summary>
    public byte[] Rgba { get; }

    /// <summary>Decodes <paramref name="png"/>.</summary>
    public static PngImage Decode(byte[] png)
    {
        if (png.Length < Signature.Length || !png.AsSpan(0, Signature.Length).SequenceEqual(Signature))
        {
            throw new InvalidDataException("not a PNG (no PNG signature)");
        }
        int width = 0, height = 0, channels = 0;
        using var compressed = new MemoryStream();
        int at = Signature.Length;
        while (true)
        {
            if (at + 8 > png.Length)
            {
                throw new InvalidDataException("truncated PNG (no IEND chunk)");
            }
            int length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at)));
            string type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            if (at + 12L + length > png.Length)
            {
                throw new InvalidDataException($"truncated PNG ({type} chunk)");
            }
            var data = png.AsSpan(at + 8, length);
            at += 12 + length;
            if (type == "IHDR")
            {
                width = checked((int)BinaryPrimitives.ReadUInt32BigEndian(data));
                height = checked((int)BinaryPrimitives.ReadUInt32BigEndian(data[4..]));
                byte bitDepth = data[8], colourType = data[9], interlace = data[12];
                channels = colourType switch { 0 => 1, 2 => 3, 4 => 2, 6 => 4, _ => 0 };
                if (bitDepth != 8 || channels == 0 || interlace != 0)
                {
                    throw new InvalidDataException($"unsupported PNG (bit depth {bitDepth}, colour type {colourType}, interlace {interlace})");
                }
            }
            else if (type == "IDAT")
            {
                compressed.Write(data);
            }
            else if (type == "IEND")
            {
                break;
            }
        }
        if (channels == 0)
        {
            throw new InvalidDataException("PNG without IHDR");
        }
        int stride = checked(width * channels);
        byte[] scanlines = Inflate(compressed.ToArray(), checked((stride + 1) * height));
        byte[] pixels = Unfilter(scanlines, height, stride, channels);
        return new PngImage(width, height, ToRgba(pixels, channels));
    }

    private static byte[] Inflate(byte[] zlib, int expected)
    {
        using var input = new ZLibStream(new MemoryStream(zlib), CompressionMode.Decompress);
        byte[] output = new byte[expected];
        int read = 0;
        while (read < expected)
        {
            int n = input.Read(output, read, expected - read);
            if (n == 0)
            {
                throw new InvalidDataException($"truncated PNG image data ({read} of {expected} bytes)");
            }
            read += n;
        }
        return output;
    }

    /// <summary>
    /// Reverses the filters: with a the byte <c>channels</c> to the left, b the byte above, c the byte above a (0 outside
    /// the image), Sub adds a, Up adds b, Average adds ⌊(a + b)/2⌋ and Paeth adds whichever of a, b, c is closest to
    /// p = a + b − c (ties in that order), all modulo 256.
    /// </summary>
    private static byte[] Unfilter(byte[] scanlines, int height, int stride, int channels)
    {
        byte[] pixels = new byte[stride * height];
        for (int y = 0; y < height; y++)
        {
            int filter = scanlines[y * (stride + 1)];
            var line = scanlines.AsSpan((y * (stride + 1)) + 1, stride);
            for (int x = 0; x < stride; x++)
            {
                int a = x >= channels ? pixels[(y * stride) + x - channels] : 0;
                int b = y > 0 ? pixels[((y - 1) * stride) + x] : 0;
                int c = x >= channels && y > 0 ? pixels[((y - 1) * stride) + x - channels] : 0;
                int predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"PNG scanline {y} has filter type {filter}"),
                };
                pixels[(y * stride) + x] = (byte)(line[x] + predictor);
            }
        }
        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static byte[] ToRgba(byte[] pixels, int channels)
    {
        if (channels == 4)
        {
            return pixels;
        }
        int count = pixels.Length / channels;
        byte[] rgba = new byte[count * 4];
        for (int i = 0; i < count; i++)
        {
            var source = pixels.AsSpan(i * channels, channels);
            (rgba[4 * i], rgba[(4 * i) + 1], rgba[(4 * i) + 2], rgba[(4 * i) + 3]) = channels switch
            {
                1 => (source[0], source[0], source[0], (byte)255),
                2 => (source[0], source[0], source[0], source[1]),
                _ => (source[0], source[1], source[2], (byte)255),
            };
        }
        return rgba;
    }
}
