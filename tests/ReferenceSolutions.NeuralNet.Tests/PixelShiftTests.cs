using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.NeuralNet.Data;

namespace ReferenceSolutions.NeuralNet.Tests;

/// <summary>A ±1-pixel shift moves a lone pixel to one of its 3×3 neighbours (or keeps it), and blanks the rest.</summary>
public class PixelShiftTests
{
    [Fact]
    public void ALonePixelLandsInItsNeighbourhood()
    {
        var shift = new PixelShift(8, 8, fill: -1.0);
        var seen = new HashSet<int>();
        var rng = new Rng(9);
        for (int trial = 0; trial < 200; trial++)
        {
            var x = new Matrix(1, 64);
            x.Data.AsSpan().Fill(-1.0);
            x[0, (3 * 8) + 4] = 5.0;
            shift.Apply(x, rng);
            int[] lit = Enumerable.Range(0, 64).Where(i => x.Data[i] != -1.0).ToArray();
            Assert.Single(lit);
            int r = lit[0] / 8, c = lit[0] % 8;
            Assert.InRange(r, 2, 4);
            Assert.InRange(c, 3, 5);
            seen.Add(lit[0]);
        }
        Assert.Equal(9, seen.Count);
    }
}
