using ReferenceSolutions.Core.Randomness;

namespace ReferenceSolutions.NeuralNet.Data;

/// <summary>
/// Data augmentation for W×H images stored row by row (optdigits: 8×8): each row is moved by (dx, dy) ∈ {−1, 0, 1}²,
/// chosen uniformly, and the pixels shifted in take <see cref="Fill"/> (the scaled value of a blank pixel).
/// </summary>
public sealed class PixelShift(int width, int height, double fill)
{
    /// <summary>The value of the pixels shifted in.</summary>
    public double Fill { get; } = fill;

    /// <summary>Whether <paramref name="data"/> looks like optdigits: 64 features, all integers in 0..16.</summary>
    public static bool LooksLikeDigits(LabeledData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.Features.Columns == 64 && data.Features.Data.All(v => v >= 0 && v <= 16 && Math.Floor(v) == v);
    }

    /// <summary>Shifts every row of <paramref name="x"/> in place by a random (dx, dy) from <paramref name="rng"/>.</summary>
    public void Apply(Matrix x, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(rng);
        Span<double> source = stackalloc double[width * height];
        for (int n = 0; n < x.Rows; n++)
        {
            int shift = rng.NextInt(9);
            int dx = (shift % 3) - 1, dy = (shift / 3) - 1;
            if (dx == 0 && dy == 0)
            {
                continue;
            }
            Span<double> row = x.Row(n);
            row.CopyTo(source);
            for (int r = 0; r < height; r++)
            {
                for (int c = 0; c < width; c++)
                {
                    int sr = r - dy, sc = c - dx;
                    row[(r * width) + c] = sr >= 0 && sr < height && sc >= 0 && sc < width ? source[(sr * width) + sc] : Fill;
                }
            }
        }
    }
}
